// rc.d/soulsync through the rc.subr harness: start runs `soulsync daemon` under daemon(8), and
// reload's SIGHUP reaches the child (soulsync), not the supervisor, with real processes and signals.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { namedProcess } from "../helpers/rc/procs.js";
import { parseDaemonArgv, rcHost, runRc } from "../helpers/rc/run.js";

const SCRIPT = readFileSync(fileURLToPath(new URL("../../rc.d/soulsync", import.meta.url)), "utf8");

test("onestart: daemon(8) with both pidfiles, restart and syslog runs soulsync daemon --config", () => {
  const r = runRc(SCRIPT, "onestart", rcHost());
  assert.equal(r.status, 0, r.stderr);
  const d = parseDaemonArgv(r.argv!);
  assert.equal(d.options.get("P"), "/var/run/soulsync.pid");
  assert.equal(d.options.get("p"), "/var/run/soulsync.child.pid");
  assert.ok(d.flags.has("r"), "restart");
  assert.ok(d.flags.has("S"), "syslog");
  assert.equal(d.options.get("T"), "soulsync");
  assert.deepEqual(d.program, ["/usr/local/bin/soulsync", "daemon", "--config", "/usr/local/etc/soulsync/soulsync.yaml"]);
});

test("soulsync_logfile sends output to a file (-o, reopened on HUP with -H) instead of syslog", () => {
  const host = { ...rcHost(), rcConf: 'soulsync_logfile="/var/log/soulsync.log"\nsoulsync_config="/etc/ss.yaml"\n' };
  const d = parseDaemonArgv(runRc(SCRIPT, "onestart", host).argv!);
  assert.equal(d.options.get("o"), "/var/log/soulsync.log");
  assert.ok(d.flags.has("H") && !d.flags.has("S"));
  assert.deepEqual(d.program.slice(-2), ["--config", "/etc/ss.yaml"]);
});

async function running(host: ReturnType<typeof rcHost>) {
  const supervisor = await namedProcess("daemon:");
  const child = await namedProcess("node");
  writeFileSync(join(host.root, "var/run/soulsync.pid"), `${supervisor.pid}\n`);
  writeFileSync(join(host.root, "var/run/soulsync.child.pid"), `${child.pid}\n`);
  return { supervisor, child };
}

async function until(check: () => boolean): Promise<boolean> {
  for (let i = 0; i < 100 && !check(); i++) await sleep(20);
  return check();
}

test("onereload sends SIGHUP to the child in -p's pidfile, not to the supervisor", async () => {
  const host = rcHost();
  const { supervisor, child } = await running(host);
  const r = runRc(SCRIPT, "onereload", host);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(await until(() => child.gotHup()), "the child got SIGHUP");
  assert.equal(supervisor.gotHup(), false, "the supervisor was not signalled");
  assert.ok(supervisor.alive() && child.alive());
});

test("without reload_precmd, rc.subr's default reload would signal the supervisor (the harness can tell)", async () => {
  const host = rcHost();
  const { supervisor, child } = await running(host);
  const r = runRc(SCRIPT.replace(/^reload_precmd=.*$/m, ""), "onereload", host);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(await until(() => supervisor.gotHup()));
  assert.equal(child.gotHup(), false);
});

test("onereload refuses when the child's pidfile names no live soulsync", async () => {
  const host = rcHost();
  const supervisor = await namedProcess("daemon:");
  writeFileSync(join(host.root, "var/run/soulsync.pid"), `${supervisor.pid}\n`);
  writeFileSync(join(host.root, "var/run/soulsync.child.pid"), `${supervisor.pid}\n`);
  const r = runRc(SCRIPT, "onereload", host);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /no child process in \/var\/run\/soulsync.child.pid/);
  assert.equal(supervisor.gotHup(), false);
});

test("rc.d/soulsync declares what it needs at boot and stops at shutdown", () => {
  assert.match(SCRIPT, /^# REQUIRE: LOGIN NETWORKING postgresql bastille$/m);
  assert.match(SCRIPT, /^# KEYWORD: shutdown$/m);
});

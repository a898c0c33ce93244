// The agent's rc.d script (rc.d/agent.in rendered) run through the rc.subr harness: start hands
// daemon(8) the flags and the agent's command, and status finds the supervisor by its pidfile.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { readRcTemplate, renderRcScript } from "../../src/reconcile/render/rc-script.js";
import { namedProcess } from "../helpers/rc/procs.js";
import { parseDaemonArgv, rcHost, runRc } from "../helpers/rc/run.js";

const input = {
  name: "atlas",
  assistant: "Atlas",
  user: "atlas",
  projectDir: "/home/atlas/clawdie",
  envFile: "agents/atlas.env",
  env: ["LANG=sl_SI.UTF-8", "LC_ALL=sl_SI.UTF-8", "DISPLAY_LOCALE=sl-SI"],
  command: "/home/atlas/clawdie/start.sh",
};

test("onestart runs /usr/sbin/daemon with pidfiles, restart, the user and the agent's command", () => {
  const script = renderRcScript(readRcTemplate(), input);
  const r = runRc(script, "onestart", rcHost());
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.argv, "rc.subr ran nothing");
  const d = parseDaemonArgv(r.argv);
  assert.deepEqual(d.env, input.env);
  assert.equal(d.options.get("P"), "/var/run/atlas.pid");
  assert.equal(d.options.get("p"), "/var/run/atlas.child.pid");
  assert.equal(d.options.get("u"), "atlas");
  assert.equal(d.options.get("T"), "atlas");
  assert.ok(d.flags.has("r") && d.flags.has("S"));
  assert.deepEqual(d.program, ["/home/atlas/clawdie/start.sh"]);
  assert.equal(r.chdir, "/home/atlas/clawdie");
});

test("rc.conf may override the supervised command without replacing daemon(8)", () => {
  const script = renderRcScript(readRcTemplate(), input);
  const host = { ...rcHost(), rcConf: 'atlas_agent_cmd="/usr/local/bin/clawdie --agent atlas"\n' };
  const d = parseDaemonArgv(runRc(script, "onestart", host).argv!);
  assert.deepEqual(d.program, ["/usr/local/bin/clawdie", "--agent", "atlas"]);
});

test("the harness catches the <name>_program mistake: rc.subr then runs the agent, not daemon(8)", () => {
  const broken = readRcTemplate().replaceAll("_agent_cmd", "_program");
  const script = renderRcScript(broken, input);
  const r = runRc(script, "onestart", rcHost(["/usr/sbin/daemon", "/home/atlas/clawdie/start.sh"]));
  const at = r.argv?.indexOf("/home/atlas/clawdie/start.sh") ?? -1;
  assert.ok(at >= 0, "the agent's script is the command");
  assert.equal(r.argv![at + 1], "-r", "daemon(8)'s flags became the agent's arguments");
  assert.throws(() => parseDaemonArgv(r.argv!), /not \/usr\/sbin\/daemon/);
});

test("onestatus finds the running supervisor through -P's pidfile", async () => {
  const script = renderRcScript(readRcTemplate(), input);
  const host = rcHost();
  assert.match(runRc(script, "onestatus", host).stdout, /atlas is not running/);
  const supervisor = await namedProcess("daemon:");
  writeFileSync(join(host.root, "var/run/atlas.pid"), `${supervisor.pid}\n`);
  const r = runRc(script, "onestatus", host);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), `atlas is running as pid ${supervisor.pid}.`);
});

test("the template requires what the agent needs at boot", () => {
  const script = renderRcScript(readRcTemplate(), input);
  assert.match(script, /^# REQUIRE: LOGIN NETWORKING postgresql bastille$/m);
  assert.match(script, /^# KEYWORD: shutdown$/m);
});

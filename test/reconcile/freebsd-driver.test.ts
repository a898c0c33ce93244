// The freebsd driver end to end with fake FreeBSD tools first on PATH: apply → plan → empty plan,
// and injected failures (pfctl check/load, bastille) stopping the run at the right step.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { loadHostConfig } from "../../src/config/check.js";
import { planHost, reconcileHost } from "../../src/reconcile/apply.js";
import { freebsdDriver } from "../../src/reconcile/drivers/freebsd.js";
import { simDb } from "../../src/reconcile/drivers/sim/db.js";
import { fileInventoryStore } from "../../src/reconcile/inventory-file.js";
import { readRcTemplate } from "../../src/reconcile/render/rc-script.js";
import { desiredState } from "../../src/reconcile/want.js";
import { tmpDir } from "../helpers/tmp.js";
import { type AgentFixture, callsOf, FAKE_BIN, fakeHost, hostRepo, isObservation, setFail, stateOf } from "./helpers.js";

before(() => {
  process.env.PATH = `${FAKE_BIN}:${process.env.PATH}`;
});

async function setup(agents: AgentFixture[], fail: string[] = []) {
  const host = fakeHost(fail);
  process.env.FAKE_FREEBSD_DIR = host.dir;
  const repo = hostRepo(agents);
  const check = await loadHostConfig(repo);
  assert.ok(check.host, JSON.stringify(check.problems));
  const want = desiredState(check.host, readRcTemplate());
  const driver = freebsdDriver({ root: host.root, db: simDb(host.dir) });
  const store = fileInventoryStore(tmpDir("soulsync-state-"));
  return { host, repo, want, driver, store };
}

const TWO: AgentFixture[] = [
  { name: "atlas", base: "10.0.1" },
  { name: "mevy", base: "192.168.72", env: { SYSTEM_LOCALE: "de_DE.UTF-8", DISPLAY_LOCALE: "de-DE" } },
];

test("apply → plan → empty plan through the real driver and fake tools", async () => {
  const { host, want, driver, store } = await setup(TWO);
  const outcome = await reconcileHost(driver, want, store, { prune: false });
  assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
  assert.deepEqual(outcome.steps, ["network", "pf", "jails", "database", "service"]);

  const s = stateOf(host.dir);
  assert.deepEqual(s.interfaces.warden0?.addresses, ["10.0.1.1/24", "192.168.72.1/24"]);
  assert.equal(s.rc.ifconfig_warden0, "inet 10.0.1.1/24");
  assert.equal(s.rc.ifconfig_warden0_alias0, "inet 192.168.72.1/24");
  assert.deepEqual(Object.keys(s.jails).sort(), ["atlascms", "atlasgit", "mevycms", "mevygit"]);
  assert.equal(s.jails["mevygit"]?.gateway, "192.168.72.1");
  assert.ok(s.pf.loaded.main, "pf.conf loaded");
  assert.equal(s.rc.atlas_enable, "YES");
  assert.ok(s.services.atlas?.pid);
  assert.deepEqual(s.db.roles.sort(), ["atlas", "mevy"]);
  const rc = readFileSync(join(host.root, "usr/local/etc/rc.d/mevy"), "utf8");
  assert.match(rc, /mevy_env:="LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 DISPLAY_LOCALE=de-DE"/);
  // The check always ran before the load.
  const pf = callsOf(host.dir).filter((c) => c[0] === "pfctl" && !c.some((a) => a.startsWith("-s")));
  assert.deepEqual(pf, [["pfctl", "-nf", "/etc/pf.conf"], ["pfctl", "-f", "/etc/pf.conf"]]);
  assert.ok(!callsOf(host.dir).some((c) => c[0] === "service" && c[1] === "pf"), "never service pf restart");

  const plan = await planHost(driver, want, store, false);
  assert.deepEqual(plan.actions, []);
  const mutationsBefore = driver.mutations;
  const callsBefore = callsOf(host.dir).length;
  const again = await reconcileHost(driver, want, store, { prune: false });
  assert.equal(again.ok, true);
  assert.equal(again.applied.length, 0);
  assert.equal(driver.mutations, mutationsBefore, "a no-change apply issues no mutating command");
  // Measured by what the tools received, not by the driver's own counter: only reads.
  const second = callsOf(host.dir).slice(callsBefore);
  assert.ok(second.length > 0, "the second apply observed the host");
  assert.deepEqual(second.filter((c) => !isObservation(c)), [], "every command of the no-change apply only reads");
  assert.equal(stateOf(host.dir).log.length, s.log.length);

  const inv = await store.list();
  assert.ok(inv.some((i) => i.kind === "jail" && i.id === "atlasgit"));
  assert.ok(inv.some((i) => i.kind === "file" && i.id === "/etc/pf.warden.conf"));
});

test("pfctl check fails: nothing loaded, the file restored (absent), later steps not run", async () => {
  const { host, want, driver, store } = await setup(TWO, ["pfctl-check"]);
  const outcome = await reconcileHost(driver, want, store, { prune: false });
  assert.equal(outcome.ok, false);
  assert.equal(outcome.failedStep, "pf");
  assert.match(outcome.error!.message, /pfctl -nf \/etc\/pf.conf/);
  assert.deepEqual(outcome.steps, ["network"]);
  const s = stateOf(host.dir);
  assert.deepEqual(s.pf.loaded, {});
  assert.equal(existsSync(join(host.root, "etc/pf.warden.conf")), false);
  assert.deepEqual(s.jails, {});
  assert.ok(!callsOf(host.dir).some((c) => c[0] === "pfctl" && c[1] === "-f"), "no load after a failed check");
});

test("pfctl load fails after a good run: the previous file is put back and stays loaded", async () => {
  const { host, repo, driver, store } = await setup(TWO);
  const first = await loadHostConfig(repo);
  const ok = await reconcileHost(driver, desiredState(first.host!, readRcTemplate()), store, { prune: false });
  assert.equal(ok.ok, true);
  const previous = readFileSync(join(host.root, "etc/pf.warden.conf"), "utf8");
  const loaded = stateOf(host.dir).pf.loaded.main;

  const grown = hostRepo([...TWO, { name: "nova", base: "172.16.50" }]);
  const want = desiredState((await loadHostConfig(grown)).host!, readRcTemplate());
  setFail(host.dir, ["pfctl-load"]);
  const outcome = await reconcileHost(driver, want, store, { prune: false });
  assert.equal(outcome.failedStep, "pf");
  assert.equal(readFileSync(join(host.root, "etc/pf.warden.conf"), "utf8"), previous);
  assert.equal(stateOf(host.dir).pf.loaded.main, loaded);
  assert.ok(!stateOf(host.dir).jails["novagit"], "jails step not run");

  setFail(host.dir, []);
  const retry = await reconcileHost(driver, want, store, { prune: false });
  assert.equal(retry.ok, true, JSON.stringify(retry.error));
  assert.match(readFileSync(join(host.root, "etc/pf.warden.conf"), "utf8"), /172\.16\.50\.0\/24/);
});

test("bastille fails: the run stops at jails; database and service never run", async () => {
  const { host, want, driver, store } = await setup(TWO, ["bastille-create"]);
  const outcome = await reconcileHost(driver, want, store, { prune: false });
  assert.equal(outcome.ok, false);
  assert.equal(outcome.failedStep, "jails");
  assert.equal(outcome.error?.code, "E_CMD_FAILED");
  assert.deepEqual(outcome.steps, ["network", "pf"]);
  const s = stateOf(host.dir);
  assert.deepEqual(s.db.roles, []);
  assert.equal(existsSync(join(host.root, "usr/local/etc/rc.d/atlas")), false);
  assert.ok(!callsOf(host.dir).some((c) => c[0] === "service"));
});

test("prune: a removed agent's jails are destroyed only with prune, and only those soulsync created", async () => {
  const { host, driver, store } = await setup(TWO);
  const full = desiredState((await loadHostConfig(hostRepo(TWO))).host!, readRcTemplate());
  assert.equal((await reconcileHost(driver, full, store, { prune: false })).ok, true);
  // A jail made by hand, outside soulsync.
  const { execFileSync } = await import("node:child_process");
  execFileSync("bastille", ["create", "-B", "-g", "10.0.1.1", "handmade", "14.3-RELEASE", "10.0.1.9/24", "warden0"], { env: process.env });

  const one = desiredState((await loadHostConfig(hostRepo([TWO[0]!]))).host!, readRcTemplate());
  const kept = await planHost(driver, one, store, false);
  assert.ok(!kept.actions.some((a) => a.kind === "jail.destroy"));
  const outcome = await reconcileHost(driver, one, store, { prune: true });
  assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
  assert.deepEqual(Object.keys(stateOf(host.dir).jails).sort(), ["atlascms", "atlasgit", "handmade"]);
  assert.deepEqual(stateOf(host.dir).interfaces.warden0?.addresses, ["10.0.1.1/24"]);
  assert.equal(stateOf(host.dir).rc.ifconfig_warden0_alias0, undefined);
  assert.ok(!(await store.list()).some((i) => i.kind === "jail" && i.id === "mevygit"));
});

test("a fresh host also gets IP forwarding, Bastille at boot, and pf's NAT rules in the kernel", async () => {
  const { host, want, driver, store } = await setup(TWO);
  assert.equal((await reconcileHost(driver, want, store, { prune: false })).ok, true);
  const s = stateOf(host.dir);
  assert.equal(s.rc.gateway_enable, "YES");
  assert.equal(s.sysctl["net.inet.ip.forwarding"], "1");
  assert.equal(s.rc.bastille_enable, "YES");
  assert.equal(s.interfaces.warden0?.up, true);
  assert.deepEqual(s.pf.nat.main, ["nat on vtnet0 inet from 10.0.1.0/24 to any -> (vtnet0) round-robin", "nat on vtnet0 inet from 192.168.72.0/24 to any -> (vtnet0) round-robin"]);
  const calls = callsOf(host.dir);
  assert.ok(calls.some((c) => c.join(" ") === "bastille --version"), "Bastille's version is read");
  assert.ok(calls.some((c) => c.join(" ") === "bastille list -j") && calls.some((c) => c.join(" ") === "jls name"));
});

test("pf drift: NAT flushed from the kernel while the file is unchanged is reloaded", async () => {
  const { host, want, driver, store } = await setup(TWO);
  assert.equal((await reconcileHost(driver, want, store, { prune: false })).ok, true);
  const { execFileSync } = await import("node:child_process");
  execFileSync("pfctl", ["-F", "all"], { env: process.env, stdio: "ignore" });
  const plan = await planHost(driver, want, store, false);
  assert.deepEqual(plan.actions.map((a) => a.kind), ["pf.check", "pf.load"]);
  assert.equal((await reconcileHost(driver, want, store, { prune: false })).ok, true);
  assert.equal(stateOf(host.dir).pf.nat.main?.length, 2);
  assert.deepEqual((await planHost(driver, want, store, false)).actions, []);
});

test("pf stopped: pf_enable persisted, and pf started with service pf start after the check (never restart)", async () => {
  const { host, want, driver, store } = await setup(TWO);
  const { loadSimState, saveSimState } = await import("../../src/reconcile/drivers/sim/state.js");
  const s = loadSimState(host.dir);
  s.pf.enabled = false;
  delete s.rc.pf_enable;
  saveSimState(host.dir, s);
  assert.equal((await reconcileHost(driver, want, store, { prune: false })).ok, true);
  const pf = callsOf(host.dir).filter((c) => (c[0] === "service" && c[1] === "pf") || (c[0] === "sysrc" && c[1]?.startsWith("pf_")) || (c[0] === "pfctl" && c[1] !== "-sn" && c[1] !== "-si"));
  assert.deepEqual(pf, [["sysrc", "pf_enable=YES"], ["pfctl", "-nf", "/etc/pf.conf"], ["service", "pf", "start"]]);
  assert.equal(stateOf(host.dir).pf.enabled, true);
});

test("an unsupported Bastille stops the run at jails with the reason; earlier steps ran", async () => {
  const { host, want, driver, store } = await setup(TWO);
  const { loadSimState, saveSimState } = await import("../../src/reconcile/drivers/sim/state.js");
  const s = loadSimState(host.dir);
  s.bastille.version = "0.14.20250420";
  saveSimState(host.dir, s);
  const outcome = await reconcileHost(driver, want, store, { prune: false });
  assert.equal(outcome.failedStep, "jails");
  assert.equal(outcome.error?.code, "E_BASTILLE_VERSION");
  assert.match(outcome.error!.message, /supports Bastille 1\.0 to 1\.4/);
  assert.deepEqual(outcome.steps, ["network", "pf"]);
  assert.ok(!callsOf(host.dir).some((c) => c[0] === "bastille" && c[1] === "create"));
});

test("an rc.d script soulsync did not write is refused, never overwritten", async () => {
  const { host, want, driver, store } = await setup(TWO);
  const { mkdirSync, writeFileSync } = await import("node:fs");
  mkdirSync(join(host.root, "usr/local/etc/rc.d"), { recursive: true });
  writeFileSync(join(host.root, "usr/local/etc/rc.d/atlas"), "#!/bin/sh\n# the operator's own atlas service\n", { mode: 0o555 });
  const outcome = await reconcileHost(driver, want, store, { prune: false });
  assert.equal(outcome.failedStep, "service");
  assert.equal(outcome.error?.code, "E_RC_FOREIGN");
  assert.equal(readFileSync(join(host.root, "usr/local/etc/rc.d/atlas"), "utf8"), "#!/bin/sh\n# the operator's own atlas service\n");
});

// The sim driver in process: anchor mode, one agent per host, and the same empty second plan.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadHostConfig } from "../../src/config/check.js";
import { planHost, reconcileHost } from "../../src/reconcile/apply.js";
import { simDb } from "../../src/reconcile/drivers/sim/db.js";
import { simDriver } from "../../src/reconcile/drivers/sim/driver.js";
import { fileInventoryStore } from "../../src/reconcile/inventory-file.js";
import { readRcTemplate } from "../../src/reconcile/render/rc-script.js";
import { desiredState } from "../../src/reconcile/want.js";
import { tmpDir } from "../helpers/tmp.js";
import { type AgentFixture, hostRepo, stateOf } from "./helpers.js";

async function run(agents: AgentFixture[], pf?: string) {
  const sim = tmpDir("soulsync-sim-");
  const check = await loadHostConfig(hostRepo(agents, pf));
  assert.ok(check.host, JSON.stringify(check.problems));
  const want = desiredState(check.host, readRcTemplate());
  const driver = simDriver(sim, simDb(sim));
  const store = fileInventoryStore(tmpDir("soulsync-state-"));
  const outcome = await reconcileHost(driver, want, store, { prune: false });
  assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
  const second = await planHost(driver, want, store, false);
  return { sim, outcome, second };
}

test("anchor mode: pfctl -a soulsync -nf/-f the managed file; then an empty plan", async () => {
  const { sim, outcome, second } = await run([{ name: "atlas", base: "10.0.1" }], "{ mode: anchor, anchor: soulsync }");
  const pf = outcome.applied.filter((a) => a.step === "pf").map((a) => a.kind);
  assert.deepEqual(pf, ["file.write", "pf.check", "pf.load"]);
  assert.ok(stateOf(sim).pf.loaded.soulsync);
  assert.equal(stateOf(sim).pf.loaded.main, undefined);
  assert.deepEqual(second.actions, []);
});

test("one agent per host: a single subnet on the bridge and no aliases", async () => {
  const { sim, second } = await run([{ name: "solo", base: "192.168.72" }]);
  const s = stateOf(sim);
  assert.deepEqual(s.interfaces.warden0?.addresses, ["192.168.72.1/24"]);
  assert.deepEqual(Object.keys(s.rc).filter((k) => k.includes("alias")), []);
  assert.deepEqual(second.actions, []);
});

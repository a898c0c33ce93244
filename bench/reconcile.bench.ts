// Reconcile figures for a host with 50 agents (sim driver, in process):
//  - time to plan (read + validate the host repo, observe every step, plan) — target ≤ 200 ms;
//  - time of the pure planners alone;
//  - mutating commands issued by a no-change apply — target 0.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadHostConfig } from "../src/config/check.js";
import { STEPS } from "../src/reconcile/actions.js";
import { planHost, reconcileHost } from "../src/reconcile/apply.js";
import { simDb } from "../src/reconcile/drivers/sim/db.js";
import { simDriver } from "../src/reconcile/drivers/sim/driver.js";
import { fileInventoryStore } from "../src/reconcile/inventory-file.js";
import { observeStep } from "../src/reconcile/observe/index.js";
import { planStep } from "../src/reconcile/plan/index.js";
import { readRcTemplate } from "../src/reconcile/render/rc-script.js";
import { desiredState } from "../src/reconcile/want.js";
import { writeTree } from "../test/helpers/tmp.js";

const AGENTS = 50;
const RUNS = 15;
const work = mkdtempSync(join(tmpdir(), "soulsync-bench-"));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  const files: Record<string, string> = {};
  let yaml = "version: 1\nagents:\n";
  for (let i = 0; i < AGENTS; i++) {
    const name = `agent${i}`;
    const base = `10.1.${i}`;
    yaml += `  - name: ${name}\n    soul: { url: /srv/git/${name}.git }\n`;
    files[`agents/${name}.env`] = [
      `AGENT_NAME=${name}`,
      `AGENT_SUBNET_BASE=${base}`,
      `WARDEN_GATEWAY=${base}.1`,
      `WARDEN_SUBNET=${base}.0/24`,
      `WARDEN_GIT_IP=${base}.2`,
      `WARDEN_CMS_IP=${base}.3`,
      `WARDEN_OLLAMA_IP=${base}.4`,
      `WARDEN_DB_IP=${base}.5`,
      "SYSTEM_LOCALE=en_US.UTF-8",
      "",
    ].join("\n");
  }
  const repo = writeTree(join(work, "host"), { "host.yaml": yaml, ...files });
  const sim = join(work, "sim");
  const store = fileInventoryStore(join(work, "state"));
  const driver = simDriver(sim, simDb(sim));
  const load = async () => desiredState((await loadHostConfig(repo)).host!, readRcTemplate());

  const t0 = performance.now();
  const firstPlan = await planHost(driver, await load(), store, false);
  const fresh = performance.now() - t0;
  const applied = await reconcileHost(driver, await load(), store, { prune: false });
  if (!applied.ok) throw new Error(JSON.stringify(applied.error));

  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    const plan = await planHost(driver, await load(), store, false);
    times.push(performance.now() - t);
    if (plan.actions.length !== 0) throw new Error(`expected an empty plan, got ${plan.actions.length} actions`);
  }

  const want = await load();
  const haves = await Promise.all(STEPS.map((s) => observeStep(s, driver, want)));
  const pure: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    for (const [i, s] of STEPS.entries()) planStep(s, want, haves[i] as never, { inventory: [], prune: false });
    pure.push(performance.now() - t);
  }

  const before = driver.mutations;
  const noChange = await reconcileHost(driver, await load(), store, { prune: false });
  const mutating = driver.mutations - before;

  console.log(`agents: ${AGENTS} (${firstPlan.actions.length} actions on a fresh host, ${applied.applied.length} applied)`);
  console.log(`plan, fresh host (read+validate+observe+plan): ${fresh.toFixed(1)} ms`);
  console.log(`plan, in-sync host, median of ${RUNS}: ${median(times).toFixed(1)} ms  (target ≤ 200 ms) ${median(times) <= 200 ? "OK" : "OVER"}`);
  console.log(`pure planners only, median of ${RUNS}: ${median(pure).toFixed(2)} ms`);
  console.log(`mutating commands in a no-change apply: ${mutating} (applied actions: ${noChange.applied.length})  (target 0) ${mutating === 0 ? "OK" : "OVER"}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// One sync pass over the whole pipeline (DESIGN §2):
//   host repo → reconcile network · pf · jails · database → each soul: fetch … publish → import
//   → render → reconcile service (a new soul revision restarts the agent).
// The source side keeps its own failure policy (refused revisions, backoff); a failed host
// step is reported and the steps after it wait for the next pass.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { HostConfig } from "../config/agent/model.js";
import type { Bootstrap } from "../config/bootstrap.js";
import { PIPELINE_STEPS, type PipelineStep } from "../config/schema/bootstrap.js";
import type { Problem } from "../core/problem.js";
import { HOST_AGENT } from "../git/sources.js";
import { readStatus, type SyncReport, syncSources } from "../git/sync.js";
import type { Action, Step } from "../reconcile/actions.js";
import { writeFileAtomic } from "../reconcile/drivers/files.js";
import { loadCheckedHost, sessionFor } from "../reconcile/session.js";
import { agentSteps } from "./agent-steps.js";
import { type HostStepsResult, reconcileChanged } from "./host-steps.js";

export const HOST_STEPS: readonly Step[] = ["network", "pf", "jails", "database"];

/** The steps the bootstrap enables (all by default). */
function enabledSteps(boot: Bootstrap): Set<PipelineStep> {
  return new Set(boot.steps ?? PIPELINE_STEPS);
}

export interface PassRequest {
  bootstrap: Bootstrap;
  agent?: string;
  force?: boolean;
  now?: () => Date;
  /** Progress: each host action as it starts. */
  onAction?: (a: Action) => void;
}

export interface PassReport {
  ok: boolean;
  sources: SyncReport;
  /** Host steps before the souls, and the service step after them. */
  host: HostStepsResult | undefined;
  service: HostStepsResult | undefined;
}

const servedPath = (boot: Bootstrap) => join(boot.state_dir, "reconcile", "souls.json");

/**
 * The soul revision each agent's service should run: the published one once its import and render
 * succeeded, else the one the service last ran (a half-applied soul never restarts the agent).
 */
async function servedSouls(boot: Bootstrap): Promise<Record<string, string>> {
  const doc = await readStatus(boot);
  const text = await readFile(servedPath(boot), "utf8").catch(() => "{}");
  let out: Record<string, string>;
  try {
    out = JSON.parse(text) as Record<string, string>;
  } catch {
    out = {};
  }
  for (const s of Object.values(doc.sources)) {
    if (s.agent === HOST_AGENT || s.source !== "soul" || !s.lastApplied) continue;
    if (s.stepsDone?.startsWith(s.lastApplied.slice(-40))) out[s.agent] = s.lastApplied;
  }
  return out;
}

/** Opens the driver, reconciles the changed ones of `steps`, closes the driver. */
async function reconcileWith(
  boot: Bootstrap,
  checked: { host: HostConfig; problems: Problem[] },
  souls: Record<string, string>,
  steps: readonly Step[],
  force: boolean,
  now: () => Date,
  onAction: PassRequest["onAction"],
): Promise<HostStepsResult> {
  const session = sessionFor(boot, checked.host, checked.problems, souls);
  try {
    return await reconcileChanged(boot.state_dir, session, steps, { force, now, onAction });
  } finally {
    await session.driver.close();
  }
}

export async function runPass(req: PassRequest): Promise<PassReport> {
  const boot = req.bootstrap;
  const now = req.now ?? (() => new Date());
  const force = Boolean(req.force);
  const enabled = enabledSteps(boot);
  const hostSteps = HOST_STEPS.filter((s) => enabled.has(s));
  const reconciles = hostSteps.length > 0 || enabled.has("service");
  let checked: { host: HostConfig; problems: Problem[] } | undefined;
  let host: HostStepsResult | undefined;
  const sources = await syncSources({
    bootstrap: boot,
    agent: req.agent,
    force,
    now,
    onHost: async (dir) => {
      if (!reconciles && !enabled.has("import") && !enabled.has("render")) return undefined;
      // Read and validated once: the host steps, the soul steps and the service step share it.
      checked = await loadCheckedHost(dir);
      if (hostSteps.length > 0) host = await reconcileWith(boot, checked, await servedSouls(boot), hostSteps, force, now, req.onAction);
      return agentSteps(boot, checked.host, () => now().toISOString().slice(0, 10), enabled);
    },
  });
  let service: HostStepsResult | undefined;
  const hostOk = host?.outcome?.ok ?? true;
  if (checked && hostOk && enabled.has("service")) {
    const souls = await servedSouls(boot);
    service = await reconcileWith(boot, checked, souls, ["service"], force, now, req.onAction);
    if (service.outcome?.ok !== false) await writeFileAtomic(servedPath(boot), `${JSON.stringify(souls, null, 2)}\n`, 0o644);
  }
  const ok = sources.ok && hostOk && (service?.outcome?.ok ?? true);
  return { ok, sources, host, service };
}

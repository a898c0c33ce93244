// One sync pass over the whole pipeline (DESIGN §2):
//   host repo → reconcile network · pf · jails · database → each soul: fetch … publish → import
//   → render → reconcile service (a new soul revision restarts the agent).
// The source side keeps its own failure policy (refused revisions, backoff); a failed host
// step is reported and the steps after it wait for the next pass.
import type { HostConfig } from "../config/agent/model.js";
import type { Bootstrap } from "../config/bootstrap.js";
import { PIPELINE_STEPS, type PipelineStep } from "../config/schema/bootstrap.js";
import type { Problem } from "../core/problem.js";
import { testPause } from "../core/test-pause.js";
import { type SyncReport, syncSources } from "../git/sync.js";
import type { Action, Step } from "../reconcile/actions.js";
import { loadCheckedHost, sessionFor } from "../reconcile/session.js";
import { agentSteps } from "./agent-steps.js";
import { readServedSouls, recordServedSouls } from "./served.js";
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
      if (hostSteps.length > 0) host = await reconcileWith(boot, checked, await readServedSouls(boot), hostSteps, force, now, req.onAction);
      return agentSteps(boot, checked.host, () => now().toISOString().slice(0, 10), enabled);
    },
  });
  let service: HostStepsResult | undefined;
  const hostOk = host?.outcome?.ok ?? true;
  if (checked && hostOk && enabled.has("service")) {
    const souls = await readServedSouls(boot);
    testPause("service");
    service = await reconcileWith(boot, checked, souls, ["service"], force, now, req.onAction);
    if (service.outcome?.ok !== false) await recordServedSouls(boot, souls);
  }
  const ok = sources.ok && hostOk && (service?.outcome?.ok ?? true);
  return { ok, sources, host, service };
}

// One pass over the whole pipeline (DESIGN §2), as `soulsync sync` runs it when no daemon holds
// the state directory: under the state directory's lock, the host part first (host repo, host
// steps), then every agent's run — in parallel up to daemon.concurrency — then snapshot collection.
import type { Bootstrap } from "../config/bootstrap.js";
import { usageError } from "../core/errors.js";
import { acquireLock } from "../git/lock.js";
import { cleanTempSnapshots } from "../git/snapshot.js";
import type { StatusStore } from "../git/status/store.js";
import type { Action } from "../reconcile/actions.js";
import type { HostStepsResult } from "./host-steps.js";
import { mapLimit } from "./map-limit.js";
import type { SyncOutcome } from "./pipeline/outcome.js";
import { openPipeline, type PipelineOptions } from "./pipeline/pipeline.js";
import type { PostPublishStep } from "./pipeline/types.js";

export interface PassRequest {
  bootstrap: Bootstrap;
  agent?: string;
  force?: boolean;
  now?: () => Date;
  random?: () => number;
  store?: StatusStore;
  /** Replaces import · render · service and switches host steps off (source-side tests). */
  steps?: readonly PostPublishStep[];
  /** Progress: each host action as it starts. */
  onAction?: (a: Action) => void;
  onStep?: PipelineOptions["onStep"];
  trigger?: string;
}

export interface SyncReport {
  ok: boolean;
  outcomes: SyncOutcome[];
  /** Snapshots removed by collection. */
  collected: string[];
  /** Half-written snapshots from an interrupted run, removed first. */
  cleaned: string[];
}

export interface PassReport {
  ok: boolean;
  sources: SyncReport;
  /** Host steps before the souls, and the agents' service steps. */
  host: HostStepsResult | undefined;
  service: HostStepsResult | undefined;
}

export const DEFAULT_CONCURRENCY = 4;

export async function runPass(req: PassRequest): Promise<PassReport> {
  const boot = req.bootstrap;
  const release = await acquireLock(boot.state_dir);
  try {
    const p = await openPipeline({ ...req, bootstrap: boot, reportServices: true });
    try {
      const cleaned = await cleanTempSnapshots(boot.state_dir);
      const outcomes: SyncOutcome[] = [];
      const run = { force: req.force, trigger: req.trigger ?? "sync" };
      let host: HostStepsResult | undefined;
      try {
        const refresh = await p.refreshHost(run);
        if (refresh.outcome) outcomes.push(refresh.outcome);
        host = refresh.steps;
      } catch (e) {
        await p.save();
        throw e;
      }
      const agents = req.agent ? p.agents().filter((a) => a === req.agent) : p.agents();
      if (req.agent && agents.length === 0) {
        throw usageError("E_AGENT_UNKNOWN", `no agent "${req.agent}" in the host repo's host.yaml`, { agent: req.agent });
      }
      outcomes.push(...(await mapLimit(agents, boot.daemon?.concurrency ?? DEFAULT_CONCURRENCY, (a) => p.runSoul(a, run))));
      const collected = await p.collect();
      await p.save();
      const service = p.takeServiceResults();
      const ok = outcomes.every((x) => x.condition === "Ready") && host?.outcome?.ok !== false && service?.outcome?.ok !== false;
      return { ok, sources: { ok: outcomes.every((x) => x.condition === "Ready"), outcomes, collected, cleaned }, host, service };
    } finally {
      await p.close();
    }
  } finally {
    await release();
  }
}

/** The source side alone (no host steps; `steps` instead of import · render · service): source tests. */
export async function syncSources(req: PassRequest): Promise<SyncReport> {
  return (await runPass({ ...req, steps: req.steps ?? [] })).sources;
}

// `soulsync sync`: one pass of the source side over the host repo and every agent's soul,
// under the state directory's lock, with status written at the start of each new revision and
// at the end, half-written snapshots cleaned first and unkept snapshots collected last.
import { dirname } from "node:path";
import { type Bootstrap, localHostDir } from "../config/bootstrap.js";
import { readHostSpec } from "../config/host.js";
import { environmentError, usageError } from "../core/errors.js";
import { readAllowlist } from "../secrets/allowlist.js";
import { collectSnapshots } from "./gc.js";
import { acquireLock } from "./lock.js";
import { cleanTempLinks, currentLink, readPublished } from "./publish.js";
import { cleanTempSnapshots } from "./snapshot.js";
import { hostTarget, soulTargets } from "./sources.js";
import { fileStatusStore, type StatusStore } from "./status/store.js";
import { type StatusDoc, statusKey } from "./status/types.js";
import { type HostHookResult, POST_PUBLISH_STEPS, type PostPublishStep } from "./steps.js";
import { type SourceTarget, type SyncDeps, type SyncOutcome, syncSource } from "./sync-source.js";

export const DEFAULT_KEEP = 3;

export interface SyncRequest {
  bootstrap: Bootstrap;
  /** Only this agent's soul (the host repo is still refreshed). */
  agent?: string;
  /** Retry a refused revision and ignore backoff. */
  force?: boolean;
  steps?: readonly PostPublishStep[];
  /**
   * Called once the host repo is read, before any soul is synced: the rest of the pipeline
   * reconciles the host here and may return the post-publish steps for the souls.
   */
  onHost?: (hostDir: string) => Promise<HostHookResult | undefined>;
  now?: () => Date;
  random?: () => number;
  store?: StatusStore;
}

export interface SyncReport {
  ok: boolean;
  outcomes: SyncOutcome[];
  /** Snapshots removed by collection. */
  collected: string[];
  /** Half-written snapshots from an interrupted run, removed first. */
  cleaned: string[];
}

/** Runs one sync pass; source failures are in the report, only setup failures throw. */
export async function syncSources(req: SyncRequest): Promise<SyncReport> {
  const b = req.bootstrap;
  const release = await acquireLock(b.state_dir);
  try {
    const store = req.store ?? fileStatusStore(b.state_dir);
    const now = req.now ?? (() => new Date());
    const doc = await store.read();
    const save = async (): Promise<void> => {
      doc.updatedAt = now().toISOString();
      await store.write(doc);
    };
    const deps: SyncDeps = {
      stateDir: b.state_dir,
      secretsDir: b.secrets_dir,
      now,
      random: req.random ?? Math.random,
      allow: b.secrets_allowlist ? await readAllowlist(b.secrets_allowlist) : new Set(),
      keep: b.keep_snapshots ?? DEFAULT_KEEP,
      steps: req.steps ?? POST_PUBLISH_STEPS,
      onProgress: async (st) => {
        doc.sources[statusKey(st.agent, st.source)] = st;
        await save();
      },
    };
    const cleaned = await cleanTempSnapshots(b.state_dir);
    const outcomes: SyncOutcome[] = [];
    const one = async (t: SourceTarget): Promise<void> => {
      await cleanTempLinks(b.state_dir, t.agent, t.source);
      const key = statusKey(t.agent, t.source);
      const { status, outcome } = await syncSource(deps, t, doc.sources[key], { force: Boolean(req.force) });
      doc.sources[key] = status;
      outcomes.push(outcome);
    };

    let hostDir: string;
    if ("path" in b.host_repo) hostDir = localHostDir({ ...b, host_repo: b.host_repo });
    else {
      const t = hostTarget(b.host_repo);
      await one(t);
      if (!(await readPublished(b.state_dir, t.agent, t.source))) {
        await save();
        throw environmentError("E_HOST_UNAVAILABLE", `no host repo revision is published yet: ${outcomes[0]?.message}`, {});
      }
      hostDir = currentLink(b.state_dir, t.agent, t.source);
    }
    const host = await readHostSpec(hostDir);
    const agents = req.agent ? host.agents.filter((a) => a.name === req.agent) : host.agents;
    if (req.agent && agents.length === 0) {
      throw usageError("E_AGENT_UNKNOWN", `no agent "${req.agent}" in ${hostDir}/host.yaml`, { agent: req.agent });
    }
    // Relative local soul paths are relative to the bootstrap file, like its own paths (the cwd without one).
    const base = b.configPath ? dirname(b.configPath) : process.cwd();
    if (req.onHost) {
      const hooked = await req.onHost(hostDir);
      if (hooked) {
        deps.steps = hooked.steps;
        deps.stepsKey = hooked.stepsKey;
      }
    }
    for (const t of soulTargets(agents, base)) await one(t);
    const collected = await collectSnapshots(b.state_dir, doc);
    await save();
    return { ok: outcomes.every((o) => o.condition === "Ready"), outcomes, collected, cleaned };
  } finally {
    await release();
  }
}

/** The status document as it stands (for `status` and rollback). */
export async function readStatus(bootstrap: Bootstrap, store?: StatusStore): Promise<StatusDoc> {
  return (store ?? fileStatusStore(bootstrap.state_dir)).read();
}

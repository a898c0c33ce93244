// The pipeline of one state directory, shared by one-shot `sync` and the daemon: the status
// document (in memory, saved atomically, one write at a time), the host part (host repo source,
// host config, host steps under the host lock) and one agent run per soul. The caller holds the
// state directory's lock for as long as the pipeline is open.
import { dirname } from "node:path";
import type { HostConfig } from "../../config/agent/model.js";
import { type Bootstrap, localHostDir } from "../../config/bootstrap.js";
import { PIPELINE_STEPS, type PipelineStep } from "../../config/schema/bootstrap.js";
import { environmentError } from "../../core/errors.js";
import type { Problem } from "../../core/problem.js";
import { readHostSpec } from "../../config/host.js";
import { collectSnapshots } from "../../git/gc.js";
import { cleanTempLinks, currentLink, readPublished } from "../../git/publish.js";
import { HOST_AGENT, hostTarget, soulTargets } from "../../git/sources.js";
import { fileStatusStore, type StatusStore } from "../../git/status/store.js";
import { type StatusDoc, statusKey } from "../../git/status/types.js";
import type { Action, Step } from "../../reconcile/actions.js";
import type { ReconcileOutcome } from "../../reconcile/apply.js";
import { loadCheckedHost, sessionFor } from "../../reconcile/session.js";
import { readAllowlist } from "../../secrets/allowlist.js";
import { type HostStepsResult, reconcileChanged } from "../host-steps.js";
import { readServedSouls } from "../served.js";
import { afterPublishSteps } from "./after-publish.js";
import { type BrainPool, brainPool } from "./brain-pool.js";
import { mutex } from "./mutex.js";
import type { SourceTarget, SyncDeps, SyncOutcome } from "./outcome.js";
import type { PgliteChild } from "../../brain/db/pglite-child.js";
import { runAgent } from "./run-agent.js";
import { serviceStep } from "./service-step.js";
import type { PostPublishStep, StepTiming } from "./types.js";

export const DEFAULT_KEEP = 3;
export const HOST_STEPS: readonly Step[] = ["network", "pf", "jails", "database"];

export interface PipelineOptions {
  bootstrap: Bootstrap;
  now?: () => Date;
  random?: () => number;
  store?: StatusStore;
  /** Replaces import · render · service and switches the host steps off (tests of the source side). */
  steps?: readonly PostPublishStep[];
  /** Progress: each host action as it starts. */
  onAction?: (a: Action) => void;
  onStep?: (agent: string, t: StepTiming) => void;
  /** Told when an agent run ends. */
  onOutcome?: (o: SyncOutcome, trigger: string) => void;
  /** Keep the service reconciles' actions for takeServiceResults (one-shot sync's report). */
  reportServices?: boolean;
  /** How long an unused brain stays open (0: until close). */
  brainIdleMs?: number;
  /** Brains kept open at most. */
  maxOpenBrains?: number;
  /** Where embedded brains are opened (the daemon's child process); default in this process. */
  embedded?: PgliteChild;
}

export interface RunRequest {
  force?: boolean;
  trigger?: string;
  /** Ask the origin even while backing off (a push names it: it is there). */
  ignoreBackoff?: boolean;
}

export interface HostRefresh {
  /** The host repo's own run, when it is a git source. */
  outcome?: SyncOutcome;
  /** The host steps that ran (undefined: none needed to). */
  steps?: HostStepsResult;
  /** True when the host config changed since the last refresh (agents must run again). */
  changed: boolean;
}

interface HostState {
  dir: string;
  /** The checked host config (undefined when only the source side runs). */
  host?: HostConfig;
  problems: Problem[];
  targets: SourceTarget[];
  /** Why the host steps are not in sync, when they are not. */
  blocked?: string;
}

export interface Pipeline {
  readonly boot: Bootstrap;
  readonly doc: StatusDoc;
  readonly brains: BrainPool;
  /** Fetches the host repo (when a git source), reads and checks it, reconciles the host steps. */
  refreshHost(req?: RunRequest): Promise<HostRefresh>;
  /** The agents of the last host refresh, in host.yaml order. */
  agents(): string[];
  /** The origin of an agent's soul, as host.yaml gives it (for matching triggers). */
  targets(): SourceTarget[];
  runSoul(agent: string, req?: RunRequest): Promise<SyncOutcome>;
  /** Service reconciles since the last call, merged (sync's report). */
  takeServiceResults(): HostStepsResult | undefined;
  /** Removes snapshots nothing keeps; only while no run is in progress. */
  collect(): Promise<string[]>;
  save(): Promise<void>;
  close(): Promise<void>;
}

/** The steps the bootstrap enables (all by default). */
export function enabledSteps(boot: Bootstrap): Set<PipelineStep> {
  return new Set(boot.steps ?? PIPELINE_STEPS);
}

export async function openPipeline(o: PipelineOptions): Promise<Pipeline> {
  const boot = o.bootstrap;
  const now = o.now ?? (() => new Date());
  const store = o.store ?? fileStatusStore(boot.state_dir);
  const doc = await store.read();
  const enabled = o.steps ? new Set<PipelineStep>() : enabledSteps(boot);
  const hostSteps = HOST_STEPS.filter((s) => enabled.has(s));
  const hostLock = mutex();
  const brains = brainPool(boot, { idleMs: o.brainIdleMs ?? 0, maxOpen: o.maxOpenBrains, embedded: o.embedded });
  let state: HostState | undefined;
  let hostKey: string | undefined;
  let services: { applied: Action[]; warnings: string[]; failed?: ReconcileOutcome } | undefined;

  let writing: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    doc.updatedAt = now().toISOString();
    const text = structuredClone(doc);
    writing = writing.then(() => store.write(text));
    return writing;
  };

  const deps: Omit<SyncDeps, "steps"> = {
    stateDir: boot.state_dir,
    secretsDir: boot.secrets_dir,
    now,
    random: o.random ?? Math.random,
    allow: boot.secrets_allowlist ? await readAllowlist(boot.secrets_allowlist) : new Set(),
    keep: boot.keep_snapshots ?? DEFAULT_KEEP,
    onStep: o.onStep,
    onProgress: async (st) => {
      doc.sources[statusKey(st.agent, st.source)] = structuredClone(st);
      await save();
    },
  };

  const runTarget = async (t: SourceTarget, steps: readonly PostPublishStep[], req: RunRequest): Promise<SyncOutcome> => {
    await cleanTempLinks(boot.state_dir, t.agent, t.source);
    const key = statusKey(t.agent, t.source);
    const trigger = req.trigger ?? "sync";
    const { status, outcome } = await runAgent({ ...deps, steps }, t, doc.sources[key], { force: Boolean(req.force), trigger, ignoreBackoff: req.ignoreBackoff });
    doc.sources[key] = status;
    await save();
    o.onOutcome?.(outcome, trigger);
    return outcome;
  };

  const stepsFor = (agent: string): readonly PostPublishStep[] => {
    if (o.steps) return o.steps;
    const s = state!;
    if (!s.host) return [];
    const host = s.host;
    return afterPublishSteps(
      {
        boot,
        host,
        today: () => now().toISOString().slice(0, 10),
        brains,
        service: (a) =>
          serviceStep(
            {
              boot,
              host,
              problems: s.problems,
              hostLock,
              hostBlocked: () => state?.blocked,
              onAction: o.onAction,
              onOutcome: (_agent, out) => {
                if (!o.reportServices) return;
                services ??= { applied: [], warnings: [] };
                services.applied.push(...out.applied);
                services.warnings.push(...out.warnings);
                if (!out.ok) services.failed = out;
              },
            },
            a,
          ),
      },
      agent,
      enabled,
    );
  };

  return {
    boot,
    doc,
    brains,
    async refreshHost(req = {}) {
      let outcome: SyncOutcome | undefined;
      let dir: string;
      if ("path" in boot.host_repo) dir = localHostDir({ ...boot, host_repo: boot.host_repo });
      else {
        const t = { ...hostTarget(boot.host_repo), baseDir: configBase(boot) };
        outcome = await runTarget(t, [], req);
        if (!(await readPublished(boot.state_dir, t.agent, t.source))) {
          throw environmentError("E_HOST_UNAVAILABLE", `no host repo revision is published yet: ${outcome.message}`, {});
        }
        dir = currentLink(boot.state_dir, t.agent, t.source);
      }
      // The source side alone (tests) needs only the agents' sources; the full pipeline checks everything.
      const sourceOnly = o.steps !== undefined || enabled.size === 0;
      const checked = sourceOnly ? { host: undefined, problems: [], specs: (await readHostSpec(dir)).agents } : await checkedHost(dir);
      const base = configBase(boot);
      const specs = checked.specs;
      const next: HostState = { dir, host: checked.host, problems: checked.problems, targets: soulTargets(specs, base) };
      const key = JSON.stringify({ published: outcome?.applied, agents: specs });
      const changed = key !== hostKey;
      hostKey = key;
      state = next;
      let steps: HostStepsResult | undefined;
      if (hostSteps.length > 0 && next.host) {
        const host = next.host;
        steps = await hostLock.run(async () => {
          const session = sessionFor(boot, host, next.problems, await readServedSouls(boot));
          try {
            return await reconcileChanged(boot.state_dir, session, hostSteps, { force: Boolean(req.force), now, onAction: o.onAction });
          } finally {
            await session.driver.close();
          }
        });
        // A failed host step always runs again (its digest is not recorded), so "nothing ran" is in sync.
        const failed = steps.outcome && !steps.outcome.ok ? steps.outcome : undefined;
        if (failed) next.blocked = `step ${failed.failedStep} failed: ${failed.error?.code}`;
      }
      return { outcome, steps, changed };
    },
    agents: () => state?.targets.map((t) => t.agent) ?? [],
    targets: () => state?.targets ?? [],
    async runSoul(agent, req = {}) {
      const t = state?.targets.find((x) => x.agent === agent);
      if (!t) throw environmentError("E_AGENT_UNKNOWN", `no agent "${agent}" in the host repo`, { agent });
      return runTarget(t, stepsFor(agent), req);
    },
    takeServiceResults() {
      const s = services;
      services = undefined;
      if (!s) return undefined;
      const outcome: ReconcileOutcome = s.failed
        ? { ...s.failed, applied: s.applied, warnings: s.warnings }
        : { ok: true, applied: s.applied, warnings: s.warnings, steps: ["service"] };
      return { ran: ["service"], outcome };
    },
    collect: () => collectSnapshots(boot.state_dir, doc),
    save,
    async close() {
      await writing;
      await brains.close();
    },
  };
}

/** Relative local origins are relative to the bootstrap file, like its own paths (the cwd without one). */
export function configBase(boot: Bootstrap): string {
  return boot.configPath ? dirname(boot.configPath) : process.cwd();
}

/** The host repo read and checked, with its agents' source specs. */
async function checkedHost(dir: string) {
  const c = await loadCheckedHost(dir);
  return { host: c.host, problems: c.problems, specs: c.host.spec.agents };
}

export { HOST_AGENT };

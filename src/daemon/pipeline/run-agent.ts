// The one runner of an agent run: source · validate · scan · publish, then the steps after publish
// (import · render · service) each when its key changed. Every step is timed and recorded; the
// first failure ends the run with the step named, and the last good revision stays live.
import { testPause } from "../../core/test-pause.js";
import { isSoulsyncError, SoulsyncError } from "../../core/errors.js";
import { redactUrls } from "../../core/redact.js";
import { snapshotDir } from "../../git/snapshot.js";
import type { SourceStatus } from "../../git/status/types.js";
import { type Done, failed, finish, newSourceStatus, type Run, type SourceTarget, type SyncDeps } from "./outcome.js";
import { publishStep, scanStep, sourceStep, validateStep } from "./source.js";
import type { PostPublishStep, PublishedRevision, StepResult } from "./types.js";

export interface RunOptions {
  force: boolean;
  /** What set the run off (status, logs, metrics). */
  trigger?: string;
  ignoreBackoff?: boolean;
}

async function timed(r: Run, step: string, fn: () => Promise<StepResult | undefined | void>): Promise<void> {
  const t0 = performance.now();
  let result: StepResult = "done";
  try {
    result = (await fn()) || "done";
  } catch (e) {
    result = "failed";
    throw e;
  } finally {
    const timing = { step, result, ms: Math.round((performance.now() - t0) * 10) / 10 };
    r.timings.push(timing);
    r.deps.onStep?.(r.target.agent, timing);
  }
}

/** Runs every step of one source of one agent; failures are in the outcome, never thrown. */
export async function runAgent(deps: SyncDeps, target: SourceTarget, previous: SourceStatus | undefined, options: RunOptions): Promise<Done> {
  const at = deps.now().toISOString();
  const st: SourceStatus = structuredClone(previous ?? newSourceStatus(target, at));
  st.url = redactUrls(target.spec.url);
  const r: Run = { deps, target, st, at, force: options.force, ignoreBackoff: Boolean(options.ignoreBackoff), recloned: false, problems: [], changed: false, timings: [], did: {} };
  const t0 = performance.now();
  let done: Done;
  try {
    await timed(r, "source", () => sourceStep(r));
    if (r.incoming) {
      await timed(r, "validate", () => validateStep(r));
      await timed(r, "scan", () => scanStep(r));
      await timed(r, "publish", () => publishStep(r));
    }
    await afterPublish(r);
    if (r.settled) done = r.settled;
    else {
      delete st.backoff;
      const warnings = r.problems.length ? r.problems : undefined;
      done = finish(r, "Ready", "OK", `${r.revision} is published`, r.changed, warnings);
    }
  } catch (e) {
    done = failed(r, e);
    if (r.changed) done.outcome.changed = true;
  }
  const ms = Math.round(performance.now() - t0);
  const result = done.outcome.condition === "Ready" ? (done.outcome.changed ? "applied" : "unchanged") : done.outcome.skipped ? "skipped" : "failed";
  st.lastRun = { at, ms, trigger: options.trigger ?? "sync", result, steps: r.timings };
  done.outcome.live = st.live;
  return done;
}

/** import · render · service on the revision the run serves, each only when its key changed. */
async function afterPublish(r: Run): Promise<void> {
  const { deps, target, st } = r;
  const serve = r.serve;
  if (!serve) return;
  const p: PublishedRevision = {
    agent: target.agent,
    source: target.source,
    revision: serve.revision,
    commit: serve.commit,
    dir: snapshotDir(deps.stateDir, serve.commit),
    previous: r.published,
    rollback: serve.rollback,
    force: r.force,
  };
  const keys = { ...(st.stepKeys ?? {}) };
  const runStep = async (step: PostPublishStep): Promise<void> => {
    const extra = step.key?.(p);
    const key = extra ? `${serve.commit}+${extra}` : serve.commit;
    if (keys[step.name] === key) {
      await timed(r, step.name, async () => "skipped");
      return;
    }
    await timed(r, step.name, async () => {
      try {
        testPause(step.name);
        const summary = await step.run(p);
        if (summary) r.did[step.name] = summary;
        // A step whose key changed did work: after a restart that finishes an interrupted run
        // (publish done, import or service not) the run applied something, not "unchanged".
        r.changed = true;
      } catch (e) {
        const message = redactUrls(e instanceof Error ? e.message : String(e));
        throw new SoulsyncError("E_STEP_FAILED", `${serve.revision} is published but step ${step.name} failed: ${message}`, {
          kind: isSoulsyncError(e) ? e.kind : "internal",
          data: {
            step: step.name,
            ...(isSoulsyncError(e) && Array.isArray(e.data.problems) ? { problems: e.data.problems } : {}),
            // Waiting for the host steps is not this source's fault: they are retried every pass.
            ...(isSoulsyncError(e) && e.code === "E_HOST_NOT_READY" ? { noBackoff: true } : {}),
          },
          cause: e,
        });
      }
    });
    keys[step.name] = key;
    st.stepKeys = { ...keys };
  };
  // Adjacent parallel steps (import, whose database works in its own process, and render) run
  // together; a failure is reported after its group ends, so a step that succeeded keeps its key.
  const steps = deps.steps;
  for (let i = 0; i < steps.length; ) {
    let end = i + 1;
    if (steps[i]!.parallel) while (end < steps.length && steps[end]!.parallel) end++;
    const results = await Promise.allSettled(steps.slice(i, end).map(runStep));
    const failed = results.find((x): x is PromiseRejectedResult => x.status === "rejected");
    if (failed) throw failed.reason;
    i = end;
  }
  st.stepsDone = serve.commit;
  st.live = serve.revision;
}

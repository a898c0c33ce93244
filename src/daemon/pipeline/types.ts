// The contract of the pipeline (DESIGN §2, §9): one agent run is an ordered list of steps with one
// signature — source · validate · scan · publish · import · render · service — run by one runner
// that records each step's outcome and writes status.

/** The steps of an agent run, in their fixed order. */
export const AGENT_STEPS = ["source", "validate", "scan", "publish", "import", "render", "service"] as const;
export type AgentStepName = (typeof AGENT_STEPS)[number];

/** A published revision, as the steps after publish see it. */
export interface PublishedRevision {
  agent: string;
  source: string;
  revision: string;
  commit: string;
  /** The published snapshot (read-only). */
  dir: string;
  /** The commit that was published before, if any. */
  previous?: string;
  /** True when this is a rollback rather than a new revision. */
  rollback: boolean;
  /** `sync --force`: steps that refuse to overwrite changed files (render) back them up and go on. */
  force?: boolean;
}

/**
 * A step that follows publish (import, render, service). It runs when its key — a digest of what
 * it depends on, the revision included — differs from the key it last succeeded with, so a step
 * that is in sync does nothing and a step that failed is retried on the next run.
 */
/** What a step did, in counts (sync prints them): memories and skills imported, files rendered… */
export type StepSummary = Record<string, number>;

export interface PostPublishStep {
  name: string;
  run(published: PublishedRevision): Promise<StepSummary | undefined | void>;
  /** What this step depends on besides the commit (host config, harnesses…); default nothing. */
  key?(published: PublishedRevision): string | undefined;
  /** Runs at the same time as the adjacent steps also marked so: they touch different things. */
  parallel?: boolean;
}

/** What the rest of the pipeline hands the source side once the host repo is read. */
export interface HostHookResult {
  steps: readonly PostPublishStep[];
}

/** How a step ended, as recorded in the run's timings and the metrics. */
export type StepResult = "done" | "skipped" | "failed";

export interface StepTiming {
  step: string;
  result: StepResult;
  ms: number;
}

// The data of one agent run: what it needs (deps), what it syncs (target), what it reports
// (outcome), and the small functions that end a run and record it in the status (no I/O).
import { type ErrorKind, isSoulsyncError, SoulsyncError } from "../../core/errors.js";
import type { Problem } from "../../core/problem.js";
import { redactUrls } from "../../core/redact.js";
import { backoffDelay } from "../../git/backoff.js";
import type { SourceTarget } from "../../git/sources.js";
import { type HistoryEntry, pushHistory, type SourceStatus } from "../../git/status/types.js";
import type { Origin } from "../../git/origin.js";
import type { Selection } from "../../git/select.js";
import type { SoulTree } from "../../soul/tree/types.js";
import type { PostPublishStep, StepSummary, StepTiming } from "./types.js";

export interface SyncDeps {
  stateDir: string;
  secretsDir: string;
  now(): Date;
  random(): number;
  /** Fingerprints of accepted scanner findings (host-side allowlist). */
  allow: ReadonlySet<string>;
  /** How many applied revisions keep their snapshots (default 3). */
  keep: number;
  steps: readonly PostPublishStep[];
  /** Told when a source starts applying a new revision (status Reconciling). */
  onProgress?(status: SourceStatus): Promise<void>;
  /** Told as each step ends (logs, metrics). */
  onStep?(agent: string, timing: StepTiming): void;
}

export type { SourceTarget };

export interface SyncOutcome {
  agent: string;
  source: string;
  condition: SourceStatus["condition"];
  reason: string;
  message: string;
  /** The revision the origin selects now (when it could be resolved). */
  revision?: string;
  /** The revision published after this pass. */
  applied?: string;
  /** True when this pass published something new. */
  changed: boolean;
  /** True when a broken mirror was re-cloned. */
  recloned: boolean;
  /** The revision the agent's service runs after this pass (import, render and service all done). */
  live?: string;
  /** True when the origin was not asked this pass (backing off after transient failures). */
  skipped?: boolean;
  /** Each step of the run with its result and duration, in order. */
  steps?: StepTiming[];
  /** What the steps after publish did, by step (counts). */
  did?: Record<string, StepSummary>;
  /** For a Stalled source: how to handle it (input: a human fixes the revision; transient: retried with backoff). */
  kind?: ErrorKind;
  problems?: Problem[];
}

/** A fresh status for a source never seen before (pure). */
export function newSourceStatus(target: SourceTarget, at: string): SourceStatus {
  return {
    agent: target.agent,
    source: target.source,
    url: redactUrls(target.spec.url),
    condition: "Reconciling",
    reason: "NEW",
    message: "not synced yet",
    kept: [],
    updatedAt: at,
    history: [],
  };
}

export interface Run {
  deps: SyncDeps;
  target: SourceTarget;
  st: SourceStatus;
  at: string;
  force: boolean;
  /** Ask the origin even while backing off. */
  ignoreBackoff: boolean;
  recloned: boolean;
  revision?: string;
  commit?: string;
  /** The selected ref's object id. */
  oid?: string;
  origin?: Origin;
  mirror?: string;
  sel?: Selection;
  /** The commit published when the run started. */
  published?: string;
  /** A new commit to validate, scan and publish (set by the source step). */
  incoming?: { dir: string; created: boolean; tree?: SoulTree };
  /** What the steps after publish apply: the published commit, or the one just published. */
  serve?: { commit: string; revision: string; rollback: boolean };
  /** A run that ends short of Ready but still serves the published revision (backoff, refused, held). */
  settled?: Done;
  /** Findings that are not errors (warnings), reported with a successful publish. */
  problems: Problem[];
  changed: boolean;
  timings: StepTiming[];
  did: Record<string, StepSummary>;
}

export type Done = { status: SourceStatus; outcome: SyncOutcome };

export function failed(r: Run, e: unknown): { status: SourceStatus; outcome: SyncOutcome } {
  const { st } = r;
  const err = isSoulsyncError(e) ? e : new SoulsyncError("E_INTERNAL", e instanceof Error ? e.message : String(e), { kind: "internal" });
  const message = redactUrls(err.message);
  const problems = Array.isArray(err.data.problems) ? (err.data.problems as Problem[]) : undefined;
  if (err.kind === "input") {
    // Refused for what the revision is (content, signature): remember it; a missing ref is not a revision.
    if (r.commit && r.revision && err.code !== "E_REF_NOT_FOUND") {
      st.failed = { commit: r.commit, oid: r.oid, revision: r.revision, code: err.code, message, problems: problems?.slice(0, 50) };
    }
    delete st.backoff;
  } else if (err.data.noBackoff) {
    delete st.backoff;
  } else {
    const failures = (st.backoff?.failures ?? 0) + 1;
    const until = new Date(r.deps.now().getTime() + backoffDelay(failures, r.deps.random()));
    st.backoff = { failures, until: until.toISOString() };
  }
  const kept = st.lastApplied && err.code !== "E_STEP_FAILED" ? `; ${st.lastApplied} stays published` : "";
  const out = finish(r, "Stalled", err.code, `${message}${kept}`, false, problems, { result: "failed", code: err.code });
  out.outcome.kind = err.kind;
  return out;
}

export function addHistory(r: Run, entry: Omit<HistoryEntry, "at" | "revision">): void {
  r.st.history = pushHistory(r.st.history, { at: r.at, revision: r.revision, ...entry });
}

export function finish(
  r: Run,
  condition: SourceStatus["condition"],
  reason: string,
  message: string,
  changed: boolean,
  problems?: Problem[],
  history?: Omit<HistoryEntry, "at" | "revision">,
): { status: SourceStatus; outcome: SyncOutcome } {
  const { st } = r;
  if (history) addHistory(r, { ...history, message });
  st.condition = condition;
  st.reason = reason;
  st.message = message;
  st.updatedAt = r.at;
  const outcome: SyncOutcome = {
    agent: st.agent,
    source: st.source,
    condition,
    reason,
    message,
    revision: r.revision,
    applied: st.lastApplied,
    changed,
    recloned: r.recloned,
    live: st.live,
    steps: r.timings,
  };
  if (Object.keys(r.did).length) outcome.did = r.did;
  if (problems?.length) outcome.problems = problems;
  return { status: st, outcome };
}

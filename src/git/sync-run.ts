// The data of a sync pass: what it needs (deps), what it syncs (target), what it reports
// (outcome), and the small functions that end a pass and record it in the status (no I/O).
import type { SourceSpec } from "../config/schema/source.js";
import { type ErrorKind, isSoulsyncError, SoulsyncError } from "../core/errors.js";
import type { Problem } from "../core/problem.js";
import { redactUrls } from "../core/redact.js";
import { backoffDelay } from "./backoff.js";
import type { TreeValidator } from "./check.js";
import { type HistoryEntry, pushHistory, type SourceStatus } from "./status/types.js";
import type { PostPublishStep } from "./steps.js";

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
  /** The steps' inputs other than the soul (e.g. a digest of the agent's host config): a change re-runs them. */
  stepsKey?(agent: string): string | undefined;
  /** Told when a source starts applying a new revision (status Reconciling). */
  onProgress?(status: SourceStatus): Promise<void>;
}

export interface SourceTarget {
  agent: string;
  source: string;
  spec: SourceSpec;
  validate: TreeValidator;
  /** Relative local paths in the URL are relative to this directory. */
  baseDir?: string;
}

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
  recloned: boolean;
  revision?: string;
  commit?: string;
  /** The selected ref's object id. */
  oid?: string;
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
  };
  if (problems?.length) outcome.problems = problems;
  return { status: st, outcome };
}

// Status is data (DESIGN §2): per agent and source, a condition with a reason, the last attempted
// and applied revision, what is held or refused, and a short history of runs.
import type { Problem } from "../../core/problem.js";

export type Condition = "Ready" | "Reconciling" | "Stalled";

export type RunResult = "applied" | "unchanged" | "failed" | "held" | "rolled-back" | "skipped";

export interface HistoryEntry {
  at: string;
  result: RunResult;
  revision?: string;
  code?: string;
  message?: string;
}

export interface SourceStatus {
  agent: string;
  source: string;
  /** Redacted origin address. */
  url: string;
  condition: Condition;
  /** Stable code: OK, E_… of the failure, HELD, BACKOFF… */
  reason: string;
  message: string;
  lastAttempted?: string;
  lastApplied?: string;
  /** A revision refused for a reason a human must fix: not retried until a new revision or --force. */
  /** `oid` is the selected ref's object: a re-signed tag on the same commit is a new revision. */
  failed?: { commit: string; oid?: string; revision: string; code: string; message: string; problems?: Problem[] };
  /** A rollback: `commit` stays published until the origin selects something other than `skip`. */
  hold?: { commit: string; revision: string; skip: string; at: string };
  /** Applied revisions still kept as snapshots, newest first. */
  kept: string[];
  /** Consecutive transient failures and when the next try is due. */
  backoff?: { failures: number; until: string; skipped?: boolean };
  /** The commit whose post-publish steps all succeeded (steps re-run until they do). */
  stepsDone?: string;
  /** Per step after publish, the key it last succeeded with (a step runs when its key changes). */
  stepKeys?: Record<string, string>;
  /** The revision the agent's service runs: its import, render and service steps all succeeded. */
  live?: string;
  /** The last run: when, how long, what set it off, how it ended and each step's result. */
  lastRun?: { at: string; ms: number; trigger: string; result: RunResult; steps: { step: string; result: string; ms: number }[] };
  /** The last selected ref object and the commit it resolved to (saves a process when unchanged). */
  seen?: { oid: string; commit: string };
  updatedAt: string;
  history: HistoryEntry[];
}

export interface StatusDoc {
  version: 1;
  updatedAt: string;
  sources: Record<string, SourceStatus>;
}

export const HISTORY_LIMIT = 10;

/** "<agent>/<source>", the key of a source in the status document (pure). */
export function statusKey(agent: string, source: string): string {
  return `${agent}/${source}`;
}

/** Adds a run to the front of the history, keeping HISTORY_LIMIT entries (pure). */
export function pushHistory(list: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...list].slice(0, HISTORY_LIMIT);
}

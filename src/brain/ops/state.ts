// soulsync's runtime state in system_ops: sync runs, the revision each step last applied,
// status conditions and an append-only event log. Each call is one statement, so a caller can
// pass a transaction to make it part of a larger atomic change.
import type { Queryable } from "../db/types.js";

export type RunStatus = "running" | "succeeded" | "failed";

export interface AppliedRevision {
  agent: string;
  source: string;
  step: string;
  revision: string;
  appliedAt: Date;
}

export interface Condition {
  agent: string;
  source: string;
  type: string;
  status: string;
  reason: string;
  message: string;
  revision: string | null;
}

/** Starts a run record; returns its id. */
export async function startRun(db: Queryable, r: { agent: string; source: string; trigger: string; revision?: string }): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO system_ops.runs (agent, source, trigger, revision, status) VALUES ($1, $2, $3, $4, 'running') RETURNING id",
    [r.agent, r.source, r.trigger, r.revision ?? null],
  );
  return Number(rows[0]?.id);
}

/** Closes a run with its outcome. */
export async function finishRun(db: Queryable, id: number, status: Exclude<RunStatus, "running">, reason?: string): Promise<void> {
  await db.query("UPDATE system_ops.runs SET status = $2, reason = $3, finished_at = now() WHERE id = $1", [id, status, reason ?? null]);
}

/** The most recent runs of an agent, newest first. */
export async function listRuns(db: Queryable, agent: string, limit = 20) {
  const { rows } = await db.query(
    "SELECT id::int AS id, source, trigger, revision, status, reason, started_at, finished_at FROM system_ops.runs WHERE agent = $1 ORDER BY id DESC LIMIT $2",
    [agent, limit],
  );
  return rows;
}

/** Records that `step` of `source` now runs `revision` (only after the step fully succeeded). */
export async function markApplied(db: Queryable, agent: string, source: string, step: string, revision: string): Promise<void> {
  await db.query(
    `INSERT INTO system_ops.applied_revisions (agent, source, step, revision) VALUES ($1, $2, $3, $4)
     ON CONFLICT (agent, source, step) DO UPDATE SET revision = EXCLUDED.revision, applied_at = now()`,
    [agent, source, step, revision],
  );
}

/** The revision a step last applied, if any. */
export async function readApplied(db: Queryable, agent: string, source: string, step: string): Promise<AppliedRevision | undefined> {
  const { rows } = await db.query<{ revision: string; applied_at: Date }>(
    "SELECT revision, applied_at FROM system_ops.applied_revisions WHERE agent = $1 AND source = $2 AND step = $3",
    [agent, source, step],
  );
  const r = rows[0];
  return r && { agent, source, step, revision: r.revision, appliedAt: new Date(r.applied_at) };
}

/** Sets a status condition; changed_at moves only when status or reason changes. */
export async function setCondition(db: Queryable, c: Condition): Promise<void> {
  await db.query(
    `INSERT INTO system_ops.conditions (agent, source, type, status, reason, message, revision) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (agent, source, type) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason, message = EXCLUDED.message,
       revision = EXCLUDED.revision,
       changed_at = CASE WHEN system_ops.conditions.status = EXCLUDED.status AND system_ops.conditions.reason = EXCLUDED.reason
                         THEN system_ops.conditions.changed_at ELSE now() END`,
    [c.agent, c.source, c.type, c.status, c.reason, c.message, c.revision],
  );
}

/** Every condition of an agent. */
export async function listConditions(db: Queryable, agent: string): Promise<Condition[]> {
  const { rows } = await db.query<Condition>(
    "SELECT agent, source, type, status, reason, message, revision FROM system_ops.conditions WHERE agent = $1 ORDER BY source, type",
    [agent],
  );
  return rows;
}

/** Appends to the event log. */
export async function logEvent(db: Queryable, e: { agent: string; source?: string; kind: string; message: string; data?: Record<string, unknown> }): Promise<void> {
  await db.query("INSERT INTO system_ops.events (agent, source, kind, message, data) VALUES ($1, $2, $3, $4, $5::jsonb)", [
    e.agent,
    e.source ?? null,
    e.kind,
    e.message,
    JSON.stringify(e.data ?? {}),
  ]);
}

/** The latest events of an agent, newest first. */
export async function listEvents(db: Queryable, agent: string, limit = 50) {
  const { rows } = await db.query(
    "SELECT id::int AS id, at, source, kind, message, data FROM system_ops.events WHERE agent = $1 ORDER BY id DESC LIMIT $2",
    [agent, limit],
  );
  return rows;
}

// Each agent run that applied or failed is also a row in system_ops.runs, with the host's name,
// so a shared PostgreSQL answers "which host runs which revision" in SQL. On a server the row
// goes to the host-wide system_ops (database_url); embedded, to the agent's own brain, which the
// run has just used. A brain that is down does not fail the run: the status file has it. With the
// import step off there is no brain to use: an embedded one is not opened (a
// database process and tens of MB) only for this row.
import type { Logger } from "./log.js";
import type { SyncOutcome } from "./pipeline/outcome.js";
import { enabledSteps, type Pipeline } from "./pipeline/pipeline.js";

export async function recordRun(p: Pipeline, host: string, o: SyncOutcome, trigger: string, log: Logger): Promise<void> {
  const result = o.condition === "Ready" ? (o.changed ? "applied" : "unchanged") : o.skipped ? "skipped" : "failed";
  if ((result !== "applied" && result !== "failed") || o.agent.startsWith("_")) return;
  if (!p.boot.database_url && !enabledSteps(p.boot).has("import")) return;
  const row = {
    agent: o.agent,
    source: o.source,
    trigger,
    revision: o.revision ?? null,
    status: result === "applied" ? "succeeded" : "failed",
    reason: o.reason,
    host,
    result,
    ms: Math.round((o.steps ?? []).reduce((n, s) => n + s.ms, 0)),
    steps: JSON.stringify(o.steps ?? []),
  };
  const sql = `INSERT INTO system_ops.runs (agent, source, trigger, revision, status, reason, host, result, ms, steps, finished_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, now())`;
  const params = [row.agent, row.source, row.trigger, row.revision, row.status, row.reason, row.host, row.result, row.ms, row.steps];
  try {
    if (p.boot.database_url) {
      const { openHostOps } = await import("../brain/host-ops.js");
      const db = await openHostOps({ kind: "pg", url: p.boot.database_url });
      try {
        await db.query(sql, params);
      } finally {
        await db.close();
      }
    } else {
      await p.brains.use(o.agent, (b) => b.ops.query(sql, params));
    }
  } catch (e) {
    log.warn({ event: "record", agent: o.agent, code: (e as { code?: string }).code }, `could not record the run in system_ops: ${(e as Error).message}`);
  }
}

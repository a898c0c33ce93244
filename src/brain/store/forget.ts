// Forget what was refused: a row leaving the brain (retired, or rewritten by a new revision)
// whose old content the secret scanner flags is deleted instead of kept as retired, and its
// tables are rewritten with VACUUM (FULL). In PostgreSQL an UPDATE or DELETE only marks the old
// tuple dead, and a plain VACUUM frees its space without overwriting the bytes; VACUUM FULL
// copies the live rows into new files (indexes and TOAST too) and unlinks the old ones, so the
// value is no longer in the table's files. On the embedded database the WAL that logged it is
// dropped too; a real server's WAL, backups and replicas are the operator's: see
// docs/reliability.md.
import { scanFiles } from "../../secrets/api.js";
import type { Db, Queryable } from "../db/types.js";
import type { ImportPlan } from "../import/plan.js";

export interface Tainted {
  /** Rows whose old content carries a secret, by table: retired ones are deleted. */
  memories: { retired: string[]; rewritten: string[] };
  skills: { retired: string[]; rewritten: string[] };
}

export const taintedCount = (t: Tainted) => t.memories.retired.length + t.memories.rewritten.length + t.skills.retired.length + t.skills.rewritten.length;

const utf8 = new TextEncoder();

/** Strict: no allowlist here, a value accepted once is still forgotten when it leaves the brain. */
function flagged(id: string, parts: readonly (string | null)[]): boolean {
  return scanFiles([{ path: id, data: utf8.encode(parts.filter((p) => p !== null).join("\n")) }]).findings.length > 0;
}

/** Reads the old content of every row the plan retires or rewrites and keeps the ones that carry a secret. */
export async function readTainted(mem: Queryable, skl: Queryable, plan: ImportPlan): Promise<Tainted> {
  const t: Tainted = { memories: { retired: [], rewritten: [] }, skills: { retired: [], rewritten: [] } };
  const memIds = new Map<string, "retired" | "rewritten">();
  const skillNames = new Map<string, "retired" | "rewritten">();
  for (const a of plan.actions) {
    if (a.kind === "memory.retire") memIds.set(a.id, "retired");
    if (a.kind === "memory.update") memIds.set(a.memory.id, "rewritten");
    if (a.kind === "skill.retire") skillNames.set(a.name, "retired");
    if (a.kind === "skill.update") skillNames.set(a.skill.name, "rewritten");
  }
  if (memIds.size > 0) {
    const { rows } = await mem.query<{ id: string; title: string; body: string; path: string }>(
      "SELECT id, title, body, path FROM system_brain.memories WHERE agent = $1 AND id = ANY($2::text[])",
      [plan.agent, [...memIds.keys()]],
    );
    for (const r of rows) if (flagged(r.path, [r.title, r.body])) t.memories[memIds.get(r.id)!].push(r.id);
  }
  if (skillNames.size > 0) {
    const { rows } = await skl.query<{ name: string; description: string; body: string; raw: string }>(
      "SELECT name, description, body, raw FROM system_skills.skills WHERE agent = $1 AND name = ANY($2::text[])",
      [plan.agent, [...skillNames.keys()]],
    );
    for (const r of rows) if (flagged(`skills/${r.name}`, [r.description, r.body, r.raw])) t.skills[skillNames.get(r.name)!].push(r.name);
  }
  return t;
}

/** Inside the import's transaction: deletes the retired rows that carried a secret (chunks go with them). */
export async function deleteTainted(mem: Queryable, skl: Queryable, agent: string, t: Tainted): Promise<number> {
  let n = 0;
  if (t.memories.retired.length > 0) {
    n += (await mem.query("DELETE FROM system_brain.memories WHERE agent = $1 AND id = ANY($2::text[])", [agent, t.memories.retired])).rowCount;
  }
  if (t.skills.retired.length > 0) {
    n += (await skl.query("DELETE FROM system_skills.skills WHERE agent = $1 AND name = ANY($2::text[])", [agent, t.skills.retired])).rowCount;
  }
  return n;
}

/** After the commit (VACUUM cannot run in a transaction): rewrites the tables that held the old tuples. */
export async function vacuumTainted(mem: Db, skl: Db, t: Tainted): Promise<void> {
  if (t.memories.retired.length + t.memories.rewritten.length > 0) {
    await mem.query("VACUUM (FULL) system_brain.memories, system_brain.memory_chunks");
  }
  if (t.skills.retired.length + t.skills.rewritten.length > 0) await skl.query("VACUUM (FULL) system_skills.skills");
  if (mem.kind === "pglite") await dropOldWal(mem);
}

/**
 * The embedded database is soulsync's own cluster, checkpointed in this process: end the WAL
 * segment that logged the rows and checkpoint with recycling off, so that segment is unlinked
 * rather than renamed for reuse with the value still in it. (A real server's checkpointer is
 * another process with its own settings: its WAL is the operator's, see docs/reliability.md.)
 */
async function dropOldWal(db: Db): Promise<void> {
  await db.query("SET wal_recycle = off");
  try {
    await db.query("SELECT pg_switch_wal()");
    await db.query("CHECKPOINT");
  } finally {
    await db.query("RESET wal_recycle");
  }
}

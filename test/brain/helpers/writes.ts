// What the database itself says was written, so "re-import writes no row" does not rest on the
// importer's own counter: row versions (ctid + xmin change on every INSERT, UPDATE and DELETE)
// on both backends, and pg_stat_user_tables' tuple counters on the real server.
import type { Db } from "../../../src/brain/db/types.js";

/** Every live row version of every table in `schema`: `table ctid xmin`, sorted. */
export async function rowVersions(db: Db, schema: string): Promise<string[]> {
  const tables = await db.query<{ relname: string }>("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY 1", [schema]);
  if (tables.rows.length === 0) throw new Error(`schema ${schema} has no tables: nothing to measure`);
  const out: string[] = [];
  for (const { relname } of tables.rows) {
    // relname comes from pg_class of a schema our own migrations made: plain identifiers.
    const { rows } = await db.query<{ v: string }>(`SELECT ctid::text || ' ' || xmin::text AS v FROM "${schema}"."${relname}"`);
    for (const r of rows) out.push(`${relname} ${r.v}`);
  }
  return out.sort();
}

/**
 * Tuples inserted + updated + deleted per table of `schema`, as the statistics system counts them.
 * Backends flush their counters asynchronously (PostgreSQL ≥ 15: at transaction end, at most once
 * a second, and at exit), so the caller first closes every session that wrote; this waits until
 * those backends have gone (a backend flushes before it leaves pg_stat_activity), then reads a
 * fresh snapshot.
 */
export async function tupleWrites(observer: Db, schema: string): Promise<Map<string, number>> {
  for (let i = 0; ; i++) {
    const { rows } = await observer.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    if (Number(rows[0]?.n) === 0) break;
    if (i >= 200) throw new Error(`other sessions still on ${observer.key} after 10 s: the counters would not be settled`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await observer.query("SELECT pg_stat_force_next_flush()");
  await observer.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await observer.query<{ relname: string; n: string }>(
    "SELECT relname, (n_tup_ins + n_tup_upd + n_tup_del)::text AS n FROM pg_stat_user_tables WHERE schemaname = $1",
    [schema],
  );
  if (rows.length === 0) throw new Error(`pg_stat_user_tables has no tables of ${schema} on ${observer.key}`);
  return new Map(rows.map((r) => [r.relname, Number(r.n)]));
}

/** Per table, how many more tuples were written in `after` than in `before` (only tables that changed). */
export function writesBetween(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [table, n] of after) {
    const d = n - (before.get(table) ?? 0);
    if (d !== 0) out[table] = d;
  }
  return out;
}

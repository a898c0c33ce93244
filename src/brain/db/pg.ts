// The real-server implementation of Db, over a small `pg` pool for one database.
import pg from "pg";
import { redactUrls } from "../../core/redact.js";
import { mapDbError } from "./errors.js";
import type { Db, QueryResult, Queryable } from "./types.js";

/** Opens one database on a server; `url` names the server and credentials, `database` overrides its database. */
export async function openPg(url: string, database?: string): Promise<Db> {
  const u = new URL(url);
  if (database !== undefined) u.pathname = `/${encodeURIComponent(database)}`;
  const key = redactUrls(`${u.protocol}//${u.username}@${u.host}${u.pathname}`);
  const pool = new pg.Pool({ connectionString: u.toString(), max: 6, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 5_000 });
  // An idle client that loses its server emits 'error'; without a listener the process would crash.
  pool.on("error", () => {});
  const run = async <R>(q: pg.Pool | pg.PoolClient, sql: string, params?: unknown[]): Promise<QueryResult<R>> => {
    try {
      const r = await q.query(sql, params as unknown[]);
      return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
    } catch (e) {
      throw mapDbError(e, key);
    }
  };
  const db: Db = {
    kind: "pg",
    key,
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (e) {
        throw mapDbError(e, key);
      }
      // A checked-out client that loses its server emits 'error' too; the failed query reports it.
      const ignore = () => {};
      client.on("error", ignore);
      const tx: Queryable = { query: (sql, params) => run(client, sql, params) };
      let broken: unknown;
      try {
        await tx.query("BEGIN");
        const result = await fn(tx);
        await tx.query("COMMIT");
        return result;
      } catch (e) {
        broken = e;
        await client.query("ROLLBACK").catch(() => {});
        throw mapDbError(e, key);
      } finally {
        // After any failure the session's state is unknown (it may have lost its server): drop it.
        client.off("error", ignore);
        client.release(broken !== undefined);
      }
    },
    close: () => pool.end(),
  };
  // Connect once now, so an unreachable server fails here with a clear, retryable error.
  try {
    await db.query("SELECT 1");
  } catch (e) {
    await pool.end().catch(() => {});
    throw e;
  }
  return db;
}

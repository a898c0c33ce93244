// The admin connection (pg): observes and creates per-agent roles and databases.
// CREATE DATABASE cannot run in a transaction, so each statement runs on its own.
import pg from "pg";
import { transientError } from "../../core/errors.js";
import { redactUrls } from "../../core/redact.js";
import { sqlOf } from "./sql.js";

export interface DbObserved {
  roles: string[];
  databases: string[];
}

export interface DbAdmin {
  /** Which of the named roles and databases exist. */
  observe(roles: string[], databases: string[]): Promise<DbObserved>;
  /** Runs one db.role.create / db.database.create action. */
  apply(action: { kind: string; role?: string; database?: string; owner?: string }): Promise<void>;
  close(): Promise<void>;
}

/** A DbAdmin on a real PostgreSQL server; connects on first use. */
export function openPgAdmin(url: string): DbAdmin {
  let client: pg.Client | undefined;
  const connect = async (): Promise<pg.Client> => {
    if (client) return client;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    try {
      await c.connect();
    } catch (e) {
      throw transientError("E_PG", `cannot connect to the admin database ${redactUrls(url)}: ${(e as Error).message}`, {}, e);
    }
    client = c;
    return c;
  };
  const query = async (text: string, values?: unknown[]) => {
    const c = await connect();
    try {
      return await c.query(text, values);
    } catch (e) {
      throw transientError("E_PG", `${text.split(" ").slice(0, 2).join(" ")} failed: ${(e as Error).message}`, {}, e);
    }
  };
  return {
    async observe(roles, databases) {
      const r = await query("SELECT rolname FROM pg_roles WHERE rolname = ANY($1::text[])", [roles]);
      const d = await query("SELECT datname FROM pg_database WHERE datname = ANY($1::text[])", [databases]);
      return {
        roles: r.rows.map((x: { rolname: string }) => x.rolname).sort(),
        databases: d.rows.map((x: { datname: string }) => x.datname).sort(),
      };
    },
    async apply(action) {
      const sql = sqlOf(action);
      if (sql) await query(sql);
    },
    async close() {
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}

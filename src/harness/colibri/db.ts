// The one door to SQLite for Colibri: sql.js (SQLite compiled to wasm, no native build). The whole
// database is read into memory and written back atomically (temp file + rename).
import { readFile } from "node:fs/promises";
import type { Database, SqlJsStatic } from "sql.js";
import { environmentError } from "../../core/errors.js";

let engine: Promise<SqlJsStatic> | undefined;

/** Loads the wasm engine once per process. */
export async function sqlEngine(): Promise<SqlJsStatic> {
  if (!engine) {
    engine = import("sql.js").then((m) => (m.default as unknown as () => Promise<SqlJsStatic>)());
  }
  return engine;
}

/** Opens `file` (or an empty database when it does not exist yet). */
export async function openDatabase(file: string): Promise<{ db: Database; existed: boolean }> {
  const SQL = await sqlEngine();
  const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return undefined;
    throw environmentError("E_COLIBRI_DB", `cannot read ${file}: ${e.code ?? e.message}`, { file });
  });
  try {
    return { db: new SQL.Database(bytes), existed: bytes !== undefined };
  } catch (e) {
    throw environmentError("E_COLIBRI_DB", `${file} is not a SQLite database: ${(e as Error).message}`, { file });
  }
}

/** Rows of a query as plain objects. */
export function selectAll(db: Database, sql: string, params: Array<string | number> = []): Array<Record<string, unknown>> {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const rows: Array<Record<string, unknown>> = [];
    while (stmt.step()) rows.push(stmt.getAsObject() as Record<string, unknown>);
    return rows;
  } finally {
    stmt.free();
  }
}

// Reads Colibri's database: does the skills table exist, has it the columns soulsync needs, and
// which rows are there (and whose).
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { RenderManifest } from "../manifest.js";
import type { ColibriState } from "../state.js";
import { openDatabase, selectAll } from "./db.js";
import { MANAGED_BY, REQUIRED_COLUMNS } from "./schema.js";

type KnownDb = NonNullable<RenderManifest["colibri"]>;

/** The rows of a database soulsync wrote and nobody changed since (same sha256): no need to open it. */
function fromManifest(file: string, busy: boolean, sha256: string, known: KnownDb): ColibriState | undefined {
  const entries = Object.entries(known.skills);
  if (entries.some(([, e]) => e.source === undefined)) return undefined;
  const rows = [
    ...entries.map(([name, e]) => ({ name, managedBy: MANAGED_BY, contentHash: e.sha256, sourceRevision: e.revision, source: e.source! })),
    ...(known.others ?? []).map((name) => ({ name, managedBy: null, contentHash: "", sourceRevision: "", source: "" })),
  ].sort((a, b) => (a.name < b.name ? -1 : 1));
  return { db: file, exists: true, busy, sha256, tableExists: true, missingColumns: [], rows };
}

async function nonEmpty(file: string): Promise<boolean> {
  const st = await stat(file).catch(() => undefined);
  return st !== undefined && st.size > 0;
}

/** Observes `file`; a missing database is an empty state, not an error. `known`: what the manifest recorded of it. */
export async function observeColibri(file: string, known?: KnownDb): Promise<ColibriState> {
  const busy = (await nonEmpty(`${file}-wal`)) || (await nonEmpty(`${file}-journal`));
  const present = await stat(file).then(
    () => true,
    () => false,
  );
  if (!present) return { db: file, exists: false, busy, tableExists: false, missingColumns: [], rows: [] };
  if (known?.dbSha256 && !busy) {
    const sha256 = createHash("sha256").update(await readFile(file)).digest("hex");
    const state = sha256 === known.dbSha256 ? fromManifest(file, busy, sha256, known) : undefined;
    if (state) return state;
  }
  const { db, existed } = await openDatabase(file);
  try {
    const state: ColibriState = { db: file, exists: existed, busy, tableExists: false, missingColumns: [], rows: [] };
    if (!existed) return state;
    state.sha256 = createHash("sha256").update(await readFile(file)).digest("hex");
    const columns = selectAll(db, "SELECT name FROM pragma_table_info('skills')").map((r) => String(r.name));
    if (columns.length === 0) return state;
    state.tableExists = true;
    state.missingColumns = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
    if (state.missingColumns.length > 0) return state;
    state.rows = selectAll(db, "SELECT name, managed_by, content_hash, source_revision, source FROM skills ORDER BY name").map((r) => ({
      name: String(r.name),
      managedBy: r.managed_by === null || r.managed_by === undefined ? null : String(r.managed_by),
      contentHash: String(r.content_hash),
      sourceRevision: String(r.source_revision),
      source: String(r.source),
    }));
    return state;
  } finally {
    db.close();
  }
}

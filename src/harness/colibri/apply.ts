// Applies Colibri actions in one transaction and writes the database back atomically.
import { createHash } from "node:crypto";
import { copyFile, mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { RenderAction } from "../actions.js";
import type { ColibriSkillRow } from "../types.js";
import { openDatabase, selectAll } from "./db.js";
import { CREATE_STATEMENTS, MANAGED_BY } from "./schema.js";

const UPSERT = `INSERT INTO skills (name, description, body, skill_md, metadata, content_hash, source, source_revision, managed_by)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(name) DO UPDATE SET description = excluded.description, body = excluded.body, skill_md = excluded.skill_md,
  metadata = excluded.metadata, content_hash = excluded.content_hash, source = excluded.source,
  source_revision = excluded.source_revision, managed_by = excluded.managed_by`;

/** What identifies the database soulsync wrote: its sha256 and the rows it does not own. */
export interface WrittenDb {
  sha256: string;
  others: string[];
}

/** Runs the upserts and deletes against `file`; `backup` (absolute) is written first when given. */
export async function applyColibri(
  file: string,
  actions: readonly RenderAction[],
  rows: readonly ColibriSkillRow[],
  backup: string | undefined,
): Promise<WrittenDb | undefined> {
  const work = actions.filter((a) => a.kind === "colibri.upsert" || a.kind === "colibri.delete");
  if (work.length === 0) return undefined;
  const byName = new Map(rows.map((r) => [r.name, r]));
  const { db, existed } = await openDatabase(file);
  try {
    if (backup && existed) await copyFile(file, backup);
    for (const sql of CREATE_STATEMENTS) db.run(sql);
    db.run("BEGIN");
    for (const a of work) {
      if (a.kind === "colibri.upsert") {
        const r = byName.get(a.name)!;
        db.run(UPSERT, [r.name, r.description, r.body, r.skillMd, r.metadata, r.contentHash, r.source, r.sourceRevision, MANAGED_BY]);
        db.run("DELETE FROM skill_files WHERE skill = ?", [r.name]);
        for (const f of r.files) {
          db.run("INSERT INTO skill_files (skill, path, data, executable) VALUES (?, ?, ?, ?)", [r.name, f.path, f.data, f.executable ? 1 : 0]);
        }
      } else if (a.kind === "colibri.delete") {
        db.run("DELETE FROM skill_files WHERE skill = ?", [a.name]);
        db.run("DELETE FROM skills WHERE name = ? AND managed_by = ?", [a.name, MANAGED_BY]);
      }
    }
    db.run("COMMIT");
    const others = selectAll(db, "SELECT name FROM skills WHERE managed_by IS NULL OR managed_by != ? ORDER BY name", [MANAGED_BY]).map((r) => String(r.name));
    const bytes = db.export();
    await mkdir(dirname(file), { recursive: true });
    const tmp = `${file}.soulsync-tmp-${process.pid}`;
    await writeFile(tmp, bytes);
    await rename(tmp, file);
    return { sha256: createHash("sha256").update(bytes).digest("hex"), others };
  } finally {
    db.close();
  }
}

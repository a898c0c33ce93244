// Applies the forward-only migrations of one brain part, in one transaction under an advisory
// lock so two processes migrating at once apply each version exactly once. A database newer
// than this soulsync, or an applied migration whose text changed, is refused, not "fixed".
import { createHash } from "node:crypto";
import { SoulsyncError, environmentError } from "../core/errors.js";
import { LOCK, advisoryXactLock } from "./db/lock.js";
import type { Db } from "./db/types.js";
import { BRAIN_MIGRATIONS } from "./migrations/brain.js";
import { OPS_MIGRATIONS } from "./migrations/ops.js";
import { SKILLS_MIGRATIONS } from "./migrations/skills.js";
import type { Migration } from "./migrations/types.js";
import { type BrainPart, partSchema } from "./names.js";

export const MIGRATIONS: Record<BrainPart, Migration[]> = {
  brain: BRAIN_MIGRATIONS,
  skills: SKILLS_MIGRATIONS,
  ops: OPS_MIGRATIONS,
};

/** Identifies a migration's text, so an edited, already-applied migration is caught. */
export function migrationChecksum(m: Migration): string {
  return createHash("sha256").update(m.statements.join("\n;\n")).digest("hex").slice(0, 16);
}

export interface MigrateResult {
  part: BrainPart;
  applied: number[];
  version: number;
}

/** Brings one part's schema up to the latest version this soulsync knows. */
export async function migratePart(db: Db, part: BrainPart, migrations = MIGRATIONS[part]): Promise<MigrateResult> {
  const schema = partSchema(part);
  return db.transaction(async (tx) => {
    await advisoryXactLock(tx, LOCK.migrate, schema);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await tx.query<{ version: number; checksum: string }>(`SELECT version, checksum FROM ${schema}.schema_migrations ORDER BY version`);
    const known = new Map(migrations.map((m) => [m.version, m]));
    for (const row of rows) {
      const m = known.get(row.version);
      if (!m) {
        throw environmentError("E_MIGRATION_AHEAD", `${schema} is at migration ${row.version}, newer than this soulsync knows; upgrade soulsync`, { part, version: row.version });
      }
      if (migrationChecksum(m) !== row.checksum) {
        throw new SoulsyncError("E_MIGRATION_CHANGED", `${schema} migration ${row.version} was applied with different text; migrations are forward-only`, { kind: "internal", data: { part, version: row.version } });
      }
    }
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query(`INSERT INTO ${schema}.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)`, [m.version, m.name, migrationChecksum(m)]);
      applied.push(m.version);
    }
    const version = Math.max(0, ...done, ...applied);
    return { part, applied, version };
  });
}

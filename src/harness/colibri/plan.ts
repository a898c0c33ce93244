// Plans Colibri's skills table (pure): upsert each desired skill by name, delete rows soulsync
// owns that are no longer wanted, and never replace a row someone else put there without --force.
import { errorAt, type Problem } from "../../core/problem.js";
import type { RenderAction } from "../actions.js";
import { manifestKey, type RenderManifest } from "../manifest.js";
import type { PlanInput } from "../plan.js";
import { MANAGED_BY } from "./schema.js";

export function planColibri(input: PlanInput, manifest: RenderManifest, conflicts: Problem[]): { actions: RenderAction[]; backup?: string } {
  const render = input.render.harnesses.find((h) => h.harness === "colibri");
  const state = input.state.colibri;
  if (!render || !state) return { actions: [] };
  const dbKey = manifestKey(input.home, state.db);
  if (state.viaSymlink) {
    conflicts.push(errorAt(dbKey, "E_RENDER_SYMLINK", "a folder on the way to Colibri's database is a symlink; pass --colibri-db with the real path"));
    return { actions: [] };
  }
  if (state.busy) {
    conflicts.push(errorAt(dbKey, "E_COLIBRI_BUSY", "a -wal or -journal file is beside the database: Colibri may be writing; try again when it is idle"));
    return { actions: [] };
  }
  if (state.missingColumns.length > 0) {
    conflicts.push(errorAt(dbKey, "E_COLIBRI_SCHEMA", `the skills table lacks the columns ${state.missingColumns.join(", ")}; soulsync will not reshape a table it did not create`));
    return { actions: [] };
  }
  const actions: RenderAction[] = [];
  const seen = new Map(state.rows.map((r) => [r.name, r]));
  const wanted = new Set(render.colibri.map((r) => r.name));
  let foreign = false;
  for (const row of [...render.colibri].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const base = { kind: "colibri.upsert" as const, harness: "colibri" as const, name: row.name, sha256: row.contentHash };
    const have = seen.get(row.name);
    if (!have) actions.push({ ...base, reason: "missing" });
    else if (have.managedBy !== MANAGED_BY) {
      if (!input.force) {
        conflicts.push(errorAt(`${dbKey}#skills/${row.name}`, "E_COLIBRI_FOREIGN", "a skill of this name was not imported by soulsync; left alone (use --force to back up the database and replace it)"));
        continue;
      }
      foreign = true;
      actions.push({ ...base, reason: "foreign" });
    } else if (have.contentHash !== row.contentHash || have.sourceRevision !== row.sourceRevision || have.source !== row.source) {
      actions.push({ ...base, reason: "stale" });
    }
  }
  for (const have of state.rows) {
    if (have.managedBy === MANAGED_BY && !wanted.has(have.name)) {
      actions.push({ kind: "colibri.delete", harness: "colibri", name: have.name, reason: render.enabled ? "stale" : "disabled" });
    }
  }
  if (render.colibri.length > 0) {
    const others = state.rows.filter((r) => r.managedBy !== MANAGED_BY).map((r) => r.name);
    manifest.colibri = {
      db: dbKey,
      skills: Object.fromEntries(render.colibri.map((r) => [r.name, { sha256: r.contentHash, revision: r.sourceRevision, source: r.source }])),
      // Nothing to write: the database as it is now is what the manifest describes (apply records it after a write).
      ...(actions.length === 0 && state.sha256 ? { dbSha256: state.sha256, others } : {}),
    };
  } else delete manifest.colibri;
  return foreign ? { actions, backup: `${dbKey}.soulsync-backup-${(state.sha256 ?? "0").slice(0, 12)}` } : { actions };
}

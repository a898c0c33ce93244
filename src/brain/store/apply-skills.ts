// Writes skill actions: one multi-row upsert per batch, one UPDATE for the retired.
import type { Queryable } from "../db/types.js";
import type { ImportAction, ImportPlan } from "../import/plan.js";
import { batches } from "./batch.js";

type Write = Extract<ImportAction, { kind: "skill.insert" | "skill.update" }>;

const UPSERT = `INSERT INTO system_skills.skills (agent, name, description, body, raw, files, content_hash, source_revision)
SELECT $1, u.name, u.description, u.body, u.raw, ARRAY(SELECT jsonb_array_elements_text(u.files::jsonb)), u.hash, $2
FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(name, description, body, raw, files, hash)
ON CONFLICT (agent, name) DO UPDATE SET
  description = EXCLUDED.description, body = EXCLUDED.body, raw = EXCLUDED.raw, files = EXCLUDED.files,
  content_hash = EXCLUDED.content_hash, source_revision = EXCLUDED.source_revision,
  imported_at = now(), retired_at = NULL, retired_revision = NULL`;

/** Applies the plan's skill actions inside `tx`; returns the number of rows written. */
export async function applySkillActions(tx: Queryable, plan: ImportPlan): Promise<number> {
  const writes = plan.actions.filter((a): a is Write => a.kind === "skill.insert" || a.kind === "skill.update");
  const retired = plan.actions.flatMap((a) => (a.kind === "skill.retire" ? [a.name] : []));
  let written = 0;
  for (const batch of batches(writes)) {
    const s = batch.map((a) => a.skill);
    const r = await tx.query(UPSERT, [
      plan.agent, plan.revision,
      s.map((x) => x.name), s.map((x) => x.description), s.map((x) => x.body), s.map((x) => x.raw),
      s.map((x) => JSON.stringify(x.files)), s.map((x) => x.contentHash),
    ]);
    written += r.rowCount;
  }
  for (const names of batches(retired)) {
    const r = await tx.query(
      "UPDATE system_skills.skills SET retired_at = now(), retired_revision = $3 WHERE agent = $1 AND name = ANY($2::text[]) AND retired_at IS NULL",
      [plan.agent, names, plan.revision],
    );
    written += r.rowCount;
  }
  return written;
}

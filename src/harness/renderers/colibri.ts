// Colibri keeps its skills in a SQLite `skills` table, one row per skill, keyed by name. The
// table's published shape could not be found, so soulsync defines it (src/harness/colibri/schema.ts):
// the Agent Skills fields plus the provenance line, a content hash and the source revision.
import { createHash } from "node:crypto";
import { warningAt } from "../../core/problem.js";
import type { SkillDoc, Soul } from "../../soul/model.js";
import { skillsFor } from "../privacy.js";
import { provenanceLine } from "../provenance.js";
import { safeRelative } from "../skills.js";
import type { ColibriSkillRow, HarnessRender, RenderContext, RenderOrigin } from "../types.js";

/** JSON with object keys sorted, so equal front matter always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** One skill as a row: SKILL.md text, its other files, and a hash over both. */
export function colibriRow(skill: SkillDoc, origin: RenderOrigin): ColibriSkillRow {
  const files = skill.files
    .map((e) => ({ e, rel: e.path.slice(skill.dir.length + 1) }))
    .filter(({ e, rel }) => e.type === "file" && e.data && rel !== "SKILL.md" && safeRelative(rel))
    .map(({ e, rel }) => ({ path: rel, data: e.data!, executable: e.executable === true }));
  const hash = createHash("sha256").update(skill.raw);
  for (const f of files) hash.update(`\0${f.path}\0${f.executable ? "x" : "-"}\0`).update(f.data);
  return {
    name: skill.name,
    description: skill.frontMatter.description,
    body: skill.body,
    skillMd: skill.raw,
    metadata: canonicalJson(skill.frontMatter),
    contentHash: hash.digest("hex"),
    source: provenanceLine(origin, [`${skill.dir}/SKILL.md`]),
    sourceRevision: origin.revision,
    files,
  };
}

/** The skills the manifest lets Colibri have, as rows. */
export function renderColibri(soul: Soul, ctx: RenderContext): HarnessRender {
  const rows = skillsFor(soul.manifest, "colibri", soul.skills).map((s) => colibriRow(s, ctx.origin));
  const adapter = soul.adapters.colibri;
  const problems = adapter ? [warningAt(adapter.path, "W_ADAPTER_UNUSED", "Colibri takes only skills; this adapter is not used")] : [];
  return { harness: "colibri", enabled: true, files: [], colibri: rows, problems };
}

// Skills are copied, not linked: every file of skills/<name>/ becomes a real file under the
// harness's skills directory. SKILL.md gets the provenance line after its front matter; other
// files (scripts, references) are copied byte for byte and their provenance is in the manifest.
import { join } from "node:path";
import { errorAt, type Problem, warningAt } from "../core/problem.js";
import type { SkillDoc } from "../soul/model.js";
import type { HarnessName } from "../soul/schema/names.js";
import { skillWithProvenance } from "./provenance.js";
import { checkSkillSpecOnce } from "./skill-spec.js";
import type { RenderedFile, RenderOrigin } from "./types.js";

const encoder = new TextEncoder();

/** A path inside a skill folder that cannot climb out of it. */
export function safeRelative(rel: string): boolean {
  if (rel === "" || rel.startsWith("/") || rel.includes("\\") || rel.includes("\0")) return false;
  return rel.split("/").every((seg) => seg !== "" && seg !== "." && seg !== "..");
}

/** The files of `skills` laid out under `dir/<name>/`. */
export function renderSkills(
  harness: HarnessName,
  skills: readonly SkillDoc[],
  dir: string,
  origin: RenderOrigin,
): { files: RenderedFile[]; problems: Problem[] } {
  const files: RenderedFile[] = [];
  const problems: Problem[] = [];
  for (const skill of skills) {
    for (const entry of skill.files) {
      const rel = entry.path.slice(skill.dir.length + 1);
      if (entry.type !== "file" || !safeRelative(rel)) {
        problems.push(warningAt(entry.path, "W_SKILL_NOT_COPIED", `only regular files are copied into skills; ${entry.type} left out`));
        continue;
      }
      if (!entry.data) {
        problems.push(warningAt(entry.path, "W_SKILL_NOT_COPIED", "file too large to read; left out"));
        continue;
      }
      const path = join(dir, skill.name, ...rel.split("/"));
      let content = entry.data;
      if (rel === "SKILL.md") {
        const text = skillWithProvenance(origin, entry.path, skill.raw);
        for (const m of checkSkillSpecOnce(text, skill.name)) problems.push(errorAt(entry.path, "E_RENDER_SKILL_SPEC", `the rendered SKILL.md breaks the Agent Skills rules: ${m}`));
        content = encoder.encode(text);
      }
      files.push({ harness, path, content, executable: entry.executable === true, sources: [entry.path], skill: { name: skill.name, root: dir } });
    }
  }
  return { files, problems };
}

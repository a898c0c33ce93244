// skills/<name>/SKILL.md per the Agent Skills format; the name equals its folder.
import { errorAt, type Problem, warningAt } from "../../core/problem.js";
import type { SkillDoc } from "../model.js";
import { skillFrontMatterSchema } from "../schema/skill.js";
import type { SoulTree } from "../tree/types.js";
import { checkMarkdown } from "./markdown.js";

export function checkSkills(tree: SoulTree, texts: Map<string, string>): { skills: SkillDoc[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const skills: SkillDoc[] = [];
  const folders = new Set<string>();
  for (const e of tree.entries) {
    if (!e.path.startsWith("skills/")) continue;
    const parts = e.path.split("/");
    if (parts.length === 2 && e.type !== "dir") {
      problems.push(errorAt(e.path, "E_SKILL_LAYOUT", "skills live in folders: skills/<name>/SKILL.md"));
    } else if (parts.length === 2) {
      folders.add(parts[1]!);
    }
  }
  for (const folder of [...folders].sort()) {
    const dir = `skills/${folder}`;
    const path = `${dir}/SKILL.md`;
    const entry = tree.entries.find((e) => e.path === path);
    if (entry?.type !== "file") {
      problems.push(errorAt(dir, "E_SKILL_MISSING", `${path} is missing`));
      continue;
    }
    const text = texts.get(path);
    if (text === undefined) continue; // reported by the text check
    const checked = checkMarkdown(path, text, skillFrontMatterSchema, "E_SKILL_SCHEMA");
    problems.push(...checked.problems);
    if (!checked.data) continue;
    if (checked.data.name !== folder) {
      const at = checked.keyLines.get("name") ?? { line: 2, column: 1 };
      const message = `name "${checked.data.name}" must equal its folder name "${folder}"`;
      problems.push(errorAt(path, "E_SKILL_NAME", message, at.line, at.column));
      continue;
    }
    if (checked.body.trim() === "") problems.push(warningAt(path, "W_SKILL_EMPTY", "skill has no instructions after its front matter"));
    const files = tree.entries.filter((e) => e.path.startsWith(`${dir}/`) && e.type !== "dir");
    skills.push({ name: folder, dir, frontMatter: checked.data, body: checked.body, raw: text, files });
  }
  return { skills, problems };
}

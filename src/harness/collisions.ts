// Name collisions a harness would see: one skill name in two of the folders it reads (its own,
// a shared one such as ~/.agents/skills, or the project's), whether soulsync put them there or not.
// Pi reports these as collision diagnostics and keeps one; Codex lists both. Pure: the rendered
// files and the names found on disk in, warnings out.
import { join } from "node:path";
import { type Problem, warningAt } from "../core/problem.js";
import type { HarnessName } from "../soul/schema/names.js";
import { displayPath } from "./budget.js";
import type { SkillRoot } from "./readers.js";
import type { RenderContext, RenderedFile } from "./types.js";

export interface CollisionInput {
  /** Harnesses being rendered (and enabled). */
  harnesses: readonly HarnessName[];
  roots: readonly SkillRoot[];
  files: readonly RenderedFile[];
  /** Skill folder names found on disk under each root, by absolute root path. */
  onDisk: ReadonlyMap<string, readonly string[]>;
  /** Absolute SKILL.md paths soulsync wrote before: rewritten or removed by this render, so not counted from disk. */
  ours: ReadonlySet<string>;
  ctx: RenderContext;
}

/** W_RENDER_SKILL_COLLISION for every name a rendered harness would find twice. */
export function checkCollisions(input: CollisionInput): Problem[] {
  const namesIn = new Map<string, Set<string>>();
  const add = (root: string, name: string) => {
    if (!namesIn.has(root)) namesIn.set(root, new Set());
    namesIn.get(root)!.add(name);
  };
  for (const f of input.files) if (f.skill) add(f.skill.root, f.skill.name);
  for (const [root, names] of input.onDisk) {
    for (const n of names) if (!input.ours.has(join(root, n, "SKILL.md"))) add(root, n);
  }
  const problems: Problem[] = [];
  for (const h of input.harnesses) {
    const roots = input.roots.filter((r) => r.harness === h).sort((a, b) => a.rank - b.rank);
    const where = new Map<string, SkillRoot[]>();
    for (const r of roots) for (const n of namesIn.get(r.path) ?? []) where.set(n, [...(where.get(n) ?? []), r]);
    for (const [name, found] of [...where].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (found.length < 2) continue;
      const shown = found.map((r) => displayPath(input.ctx.paths, join(r.path, name)));
      problems.push(
        warningAt(shown[0]!, "W_RENDER_SKILL_COLLISION", `${h} finds skill "${name}" in ${shown.join(" and ")} (listed from the one it prefers); remove or rename the other`),
      );
    }
  }
  return problems;
}

// A skills audience holds against every harness that reads a folder, not only the one rendered
// into it: a skill laid out where another harness also looks (say CLAUDE_CONFIG_DIR=~/.agents,
// whose skills/ Pi, Codex and OpenClaw read) would reach a harness privacy.skills_audience leaves
// out. That render is refused; the operator gives the harness a folder of its own.
import { errorAt, type Problem } from "../core/problem.js";
import type { Soul } from "../soul/model.js";
import { displayPath } from "./budget.js";
import { skillsFor } from "./privacy.js";
import { readersOf, skillRoots } from "./readers.js";
import type { HarnessRender, RenderContext } from "./types.js";

/** E_RENDER_AUDIENCE for each skill rendered where a harness outside its audience reads. */
export function checkAudience(soul: Soul, out: readonly HarnessRender[], ctx: RenderContext): Problem[] {
  const roots = skillRoots(ctx.paths, ctx.projectDir, ctx.versions ?? {});
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const r of out) {
    for (const f of r.files) {
      if (!f.skill || f.sources[0] !== `skills/${f.skill.name}/SKILL.md`) continue;
      for (const h of readersOf(f.skill.root, roots)) {
        if (h === r.harness || skillsFor(soul.manifest, h, soul.skills).some((s) => s.name === f.skill!.name)) continue;
        const key = `${f.skill.root}\0${f.skill.name}\0${h}`;
        if (reported.has(key)) continue;
        reported.add(key);
        problems.push(
          errorAt(
            displayPath(ctx.paths, f.path),
            "E_RENDER_AUDIENCE",
            `${h} also reads skills from ${displayPath(ctx.paths, f.skill.root)}, but privacy.skills_audience/privacy.skills keep "${f.skill.name}" from ${h}; give ${r.harness} a skills folder no other harness reads (its *_HOME/*_DIR variable)`,
          ),
        );
      }
    }
  }
  return problems;
}

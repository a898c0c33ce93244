// Codex: the global instructions are $CODEX_HOME/AGENTS.md (default ~/.codex), concatenated
// with project files and cut once the chain reaches project_doc_max_bytes (32 KiB by default),
// so the rendered file must stay within 32 KiB on its own. User-scope skills are read from
// $HOME/.agents/skills (CODEX_HOME does not move them).
import type { Soul } from "../../soul/model.js";
import { displayPath, HARNESS_BUDGETS, overBudget } from "../budget.js";
import { docFrom } from "../compose.js";
import { userContextAllowed } from "../privacy.js";
import type { HarnessRender, RenderContext } from "../types.js";
import { compose, docFile, result } from "./common.js";

/** One AGENTS.md: soul, identity, allowed user context and rules. */
export function renderCodex(soul: Soul, ctx: RenderContext): HarnessRender {
  const dir = ctx.paths.codexHome;
  const user = userContextAllowed(soul.manifest, "codex") ? soul.user : undefined;
  const { docs, skills, problems } = compose(
    "codex",
    soul,
    ctx,
    [
      docFrom("AGENTS.md", [
        { source: "SOUL.md", text: soul.soul },
        { source: "IDENTITY.md", text: soul.identity },
        { source: "USER.md", text: user },
        { source: "AGENTS.md", text: soul.agents },
      ]),
    ],
    { dir, files: ["AGENTS.md"], primary: "AGENTS.md", skillsDir: ctx.paths.agentsSkills },
  );
  const files = docs.map((d) => docFile("codex", dir, d, ctx));
  for (const [i, f] of files.entries()) {
    const p = overBudget(displayPath(ctx.paths, f.path), "Codex's project_doc_max_bytes", f.content.byteLength, HARNESS_BUDGETS.codexBytes, "bytes", docs[i]!.sources);
    if (p) problems.push(p);
  }
  return result("codex", [...files, ...skills], problems);
}

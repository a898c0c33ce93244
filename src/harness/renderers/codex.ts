// Codex: the global instructions are $CODEX_HOME/AGENTS.md (default ~/.codex), read whole as user
// instructions (project_doc_max_bytes bounds only the project AGENTS.md chain; see budget.ts), and
// replaced by $CODEX_HOME/AGENTS.override.md while that exists. Skills go to $CODEX_HOME/skills: every
// Codex with skills reads it (deprecated but kept from 0.95.0, readers.ts), and unlike the shared
// ~/.agents/skills no other harness reads it, so the skills audience holds and Pi and OpenClaw see
// no second copy of each skill.
import { join } from "node:path";
import type { Soul } from "../../soul/model.js";
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
    { dir, files: ["AGENTS.md"], primary: "AGENTS.md", skillsDir: join(dir, "skills") },
  );
  return result("codex", [...docs.map((d) => docFile("codex", dir, d, ctx)), ...skills], problems);
}

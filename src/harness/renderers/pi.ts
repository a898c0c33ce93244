// Pi coding agent: reads the global context file <agentDir>/AGENTS.md, appends
// <agentDir>/APPEND_SYSTEM.md to its system prompt, and loads skills from <agentDir>/skills/.
// agentDir is ~/.pi/agent or $PI_CODING_AGENT_DIR. Pi documents no size cap for these files.
import type { Soul } from "../../soul/model.js";
import { docFrom } from "../compose.js";
import { userContextAllowed } from "../privacy.js";
import type { HarnessRender, RenderContext } from "../types.js";
import { compose, docFile, result } from "./common.js";
import { join } from "node:path";

/** Rules and allowed user context → AGENTS.md; persona (SOUL, IDENTITY) → APPEND_SYSTEM.md. */
export function renderPi(soul: Soul, ctx: RenderContext): HarnessRender {
  const dir = ctx.paths.piAgent;
  const user = userContextAllowed(soul.manifest, "pi") ? soul.user : undefined;
  const { docs, skills, problems } = compose(
    "pi",
    soul,
    ctx,
    [
      docFrom("AGENTS.md", [
        { source: "AGENTS.md", text: soul.agents },
        { source: "USER.md", text: user },
      ]),
      docFrom("APPEND_SYSTEM.md", [
        { source: "SOUL.md", text: soul.soul },
        { source: "IDENTITY.md", text: soul.identity },
      ]),
    ],
    { dir, files: ["AGENTS.md", "APPEND_SYSTEM.md"], primary: "AGENTS.md", skillsDir: join(dir, "skills") },
  );
  return result("pi", [...docs.map((d) => docFile("pi", dir, d, ctx)), ...skills], problems);
}

// OpenClaw injects the workspace bootstrap files (~/.openclaw/workspace/AGENTS.md, SOUL.md,
// USER.md, IDENTITY.md, …) into every session, truncating any over bootstrapMaxChars (20,000)
// and the lot over bootstrapTotalMaxChars (60,000). Workspace skills live in <workspace>/skills/.
// OpenClaw is Node, so characters are JavaScript string length (UTF-16 units).
import { join } from "node:path";
import type { Soul } from "../../soul/model.js";
import { displayPath, HARNESS_BUDGETS, overBudget } from "../budget.js";
import { docFrom } from "../compose.js";
import { userContextAllowed } from "../privacy.js";
import type { HarnessRender, RenderContext } from "../types.js";
import { compose, docFile, result } from "./common.js";

const FILES = ["AGENTS.md", "SOUL.md", "USER.md", "IDENTITY.md"] as const;

/** One bootstrap file per core file; USER.md only when allowed. */
export function renderOpenClaw(soul: Soul, ctx: RenderContext): HarnessRender {
  const dir = ctx.paths.openclawWorkspace;
  const user = userContextAllowed(soul.manifest, "openclaw") ? soul.user : undefined;
  const { docs, skills, problems } = compose(
    "openclaw",
    soul,
    ctx,
    [
      docFrom("AGENTS.md", [{ source: "AGENTS.md", text: soul.agents }]),
      docFrom("SOUL.md", [{ source: "SOUL.md", text: soul.soul }]),
      docFrom("USER.md", [{ source: "USER.md", text: user }]),
      docFrom("IDENTITY.md", [{ source: "IDENTITY.md", text: soul.identity }]),
    ],
    { dir, files: FILES, primary: "AGENTS.md", skillsDir: join(dir, "skills") },
  );
  const files = docs.map((d) => docFile("openclaw", dir, d, ctx));
  const decoder = new TextDecoder();
  let total = 0;
  for (const [i, f] of files.entries()) {
    const chars = decoder.decode(f.content).length;
    total += chars;
    const p = overBudget(displayPath(ctx.paths, f.path), "OpenClaw's bootstrapMaxChars", chars, HARNESS_BUDGETS.openclawFileChars, "characters", docs[i]!.sources);
    if (p) problems.push(p);
  }
  const all = overBudget(
    displayPath(ctx.paths, dir),
    "OpenClaw's bootstrapTotalMaxChars for all workspace files",
    total,
    HARNESS_BUDGETS.openclawTotalChars,
    "characters",
    docs.map((d) => d.name),
  );
  if (all) problems.push(all);
  return result("openclaw", [...files, ...skills], problems);
}

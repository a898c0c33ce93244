// OpenClaw injects the workspace bootstrap files (~/.openclaw/workspace/AGENTS.md, SOUL.md,
// IDENTITY.md, USER.md, then its own BOOTSTRAP.md and MEMORY.md) into every session, cutting each
// at 20,000 characters (USER.md at 4,000) and stopping once 60,000 are used, in that order — so what
// soulsync renders must leave room for OpenClaw's MEMORY.md. Subagent sessions get AGENTS.md only,
// so AGENTS.md opens with the soul's IDENTITY.md (kept compact) and subagents know who they are.
// Workspace skills live in <workspace>/skills/. Source: openclaw 2026.9.6 dist/bootstrap-*.mjs
// (buildBootstrapContextFiles), dist/workspace-*.mjs (SUBAGENT_BOOTSTRAP_ALLOWLIST = AGENTS.md),
// dist/workspace-bootstrap-policy-*.mjs (prompt order). Characters are JavaScript string length.
import { join } from "node:path";
import { type Problem, warningAt } from "../../core/problem.js";
import type { Soul } from "../../soul/model.js";
import { displayPath, HARNESS_BUDGETS, overBudget } from "../budget.js";
import { docFrom } from "../compose.js";
import { userContextAllowed } from "../privacy.js";
import type { HarnessRender, RenderContext, RenderedFile } from "../types.js";
import { compose, docFile, result } from "./common.js";

const FILES = ["AGENTS.md", "SOUL.md", "USER.md", "IDENTITY.md"] as const;
/** OpenClaw's own bootstrap files, read after the rendered ones and sharing their total. */
export const OPENCLAW_OWN_FILES = ["BOOTSTRAP.md", "MEMORY.md"] as const;
/** The most of IDENTITY.md carried into AGENTS.md for subagents. */
export const SUBAGENT_IDENTITY_CHARS = 2_000;

/** IDENTITY.md, or its opening up to the first second-level heading when it is long. */
function compactIdentity(identity: string, problems: Problem[]): string {
  const text = identity.replace(/\r\n/g, "\n").trim();
  if (text.length <= SUBAGENT_IDENTITY_CHARS) return text;
  const head = text.split(/\n(?=## )/)[0]!.slice(0, SUBAGENT_IDENTITY_CHARS).trim();
  problems.push(
    warningAt("IDENTITY.md", "W_RENDER_OPENCLAW_IDENTITY", `OpenClaw subagents get only AGENTS.md; IDENTITY.md has ${text.length} characters, so only its opening (${head.length}) is carried there`),
  );
  return head;
}

/** One bootstrap file per core file (USER.md only when allowed), AGENTS.md opening with the identity. */
export function renderOpenClaw(soul: Soul, ctx: RenderContext): HarnessRender {
  const dir = ctx.paths.openclawWorkspace;
  const user = userContextAllowed(soul.manifest, "openclaw") ? soul.user : undefined;
  const early: Problem[] = [];
  const { docs, skills, problems } = compose(
    "openclaw",
    soul,
    ctx,
    [
      docFrom("AGENTS.md", [
        { source: "IDENTITY.md", text: compactIdentity(soul.identity, early) },
        { source: "AGENTS.md", text: soul.agents },
      ]),
      docFrom("SOUL.md", [{ source: "SOUL.md", text: soul.soul }]),
      docFrom("USER.md", [{ source: "USER.md", text: user }]),
      docFrom("IDENTITY.md", [{ source: "IDENTITY.md", text: soul.identity }]),
    ],
    { dir, files: FILES, primary: "AGENTS.md", skillsDir: join(dir, "skills") },
  );
  const files = docs.map((d) => docFile("openclaw", dir, d, ctx));
  problems.push(...early, ...checkOpenClawBudgets(files, docs.map((d) => d.sources), ctx));
  return result("openclaw", [...files, ...skills], problems);
}

/** Per-file caps and the running total, counting OpenClaw's own files that come after ours. */
function checkOpenClawBudgets(files: RenderedFile[], sources: string[][], ctx: RenderContext): Problem[] {
  const problems: Problem[] = [];
  const decoder = new TextDecoder();
  let total = 0;
  for (const [i, f] of files.entries()) {
    const chars = decoder.decode(f.content).length;
    total += chars;
    const isUser = f.path.endsWith("/USER.md");
    const limit = isUser ? HARNESS_BUDGETS.openclawUserChars : HARNESS_BUDGETS.openclawFileChars;
    const rule = isUser ? "OpenClaw's fixed USER.md cap (USER_BOOTSTRAP_MAX_CHARS)" : "OpenClaw's bootstrapMaxChars";
    const p = overBudget(displayPath(ctx.paths, f.path), rule, chars, limit, "characters", sources[i]!);
    if (p) problems.push(p);
  }
  const dir = ctx.paths.openclawWorkspace;
  const own = OPENCLAW_OWN_FILES.map((name) => ({ name, chars: ctx.own?.get(join(dir, name)) ?? 0 })).filter((o) => o.chars > 0);
  const all = total + own.reduce((n, o) => n + o.chars, 0);
  const p = overBudget(
    displayPath(ctx.paths, dir),
    `OpenClaw's bootstrapTotalMaxChars for the workspace files${own.length > 0 ? ` (with its own ${own.map((o) => `${o.name}, ${o.chars.toLocaleString("en-US")}`).join("; ")})` : ""}`,
    all,
    HARNESS_BUDGETS.openclawTotalChars,
    "characters",
    files.map((f) => displayPath(ctx.paths, f.path)),
  );
  if (p) problems.push(p);
  const room = HARNESS_BUDGETS.openclawTotalChars - total - (own.find((o) => o.name === "BOOTSTRAP.md")?.chars ?? 0);
  if (!p && room < HARNESS_BUDGETS.openclawFileChars) {
    problems.push(
      warningAt(
        displayPath(ctx.paths, join(dir, "MEMORY.md")),
        "W_RENDER_OPENCLAW_MEMORY_ROOM",
        `the rendered workspace files use ${total.toLocaleString("en-US")} of OpenClaw's ${HARNESS_BUDGETS.openclawTotalChars.toLocaleString("en-US")} characters, so OpenClaw's own MEMORY.md gets at most ${Math.max(0, room).toLocaleString("en-US")} (its cap is ${HARNESS_BUDGETS.openclawFileChars.toLocaleString("en-US")})`,
      ),
    );
  }
  return problems;
}

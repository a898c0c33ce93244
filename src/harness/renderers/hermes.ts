// Hermes agent ($HERMES_HOME, default ~/.hermes): SOUL.md is its identity slot (a context file
// capped at 20,000 characters, head and tail kept beyond that); memories/USER.md is the user
// profile store, a list of entries joined by "\n§\n" whose joined length must stay within
// user_char_limit (1,375). The memory tool refuses to rewrite a file that does not round-trip
// through that format, so USER.md is rendered as entries, and only the soul's own: a provenance
// line there would be a user-profile entry of its own (the manifest carries the hashes instead).
// Text Hermes would block is refused first (content.ts). Skills live in $HERMES_HOME/skills/.
import { join } from "node:path";
import type { Problem } from "../../core/problem.js";
import type { Soul } from "../../soul/model.js";
import { codePoints, displayPath, HARNESS_BUDGETS, overBudget } from "../budget.js";
import { type Doc, docFrom } from "../compose.js";
import { checkHermesContent } from "../content.js";
import { joinEntries } from "../entries.js";
import { userContextAllowed } from "../privacy.js";
import type { HarnessRender, RenderContext, RenderedFile } from "../types.js";
import { compose, docFile, result } from "./common.js";

export { ENTRY_DELIMITER as HERMES_ENTRY_DELIMITER } from "../entries.js";

/** Splits Markdown into memory entries: one per heading section, trimmed, no duplicates. */
export function hermesEntries(body: string): string[] {
  const entries: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const text = current.join("\n").trim();
    if (text !== "" && !entries.includes(text)) entries.push(text);
    current = [];
  };
  for (const line of body.replace(/\r\n/g, "\n").split("\n")) {
    if (/^#{1,6}\s/.test(line) && current.some((l) => l.trim() !== "" && !/^#{1,6}\s/.test(l))) flush();
    current.push(line);
  }
  flush();
  return entries;
}

/** SOUL.md ← SOUL, IDENTITY and the operating rules; memories/USER.md ← USER.md when allowed. */
export function renderHermes(soul: Soul, ctx: RenderContext): HarnessRender {
  const dir = ctx.paths.hermesHome;
  const user = userContextAllowed(soul.manifest, "hermes") ? soul.user : undefined;
  const composed = compose(
    "hermes",
    soul,
    ctx,
    [
      docFrom("SOUL.md", [
        { source: "SOUL.md", text: soul.soul },
        { source: "IDENTITY.md", text: soul.identity },
        { source: "AGENTS.md", text: soul.agents },
      ]),
      docFrom("memories/USER.md", [{ source: "USER.md", text: user }]),
    ],
    { dir, files: ["SOUL.md", "memories/USER.md"], primary: "SOUL.md", skillsDir: join(dir, "skills") },
  );
  const problems: Problem[] = [...composed.problems, ...checkHermesContent(soul, user !== undefined)];
  const files: RenderedFile[] = [];
  for (const doc of composed.docs) {
    const file = doc.name === "memories/USER.md" ? userFile(doc, ctx) : docFile("hermes", dir, doc, ctx);
    const text = new TextDecoder().decode(file.content);
    const shown = displayPath(ctx.paths, file.path);
    const p =
      doc.name === "memories/USER.md"
        ? overBudget(shown, "Hermes' user profile cap (memory.user_char_limit)", codePoints(text.trim()), HARNESS_BUDGETS.hermesUserChars, "characters", doc.sources)
        : overBudget(shown, "Hermes' context file cap for SOUL.md", codePoints(text), HARNESS_BUDGETS.hermesSoulChars, "characters", doc.sources);
    if (p) problems.push(p);
    files.push(file);
  }
  return result("hermes", [...files, ...composed.skills], problems);
}

/** USER.md as Hermes memory entries: the soul's sections, nothing else. */
function userFile(doc: Doc, ctx: RenderContext): RenderedFile {
  const entries = hermesEntries(doc.body);
  return { ...docFile("hermes", ctx.paths.hermesHome, doc, ctx, joinEntries(entries)), entries };
}

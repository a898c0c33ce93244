// Claude Code: user memory is $CLAUDE_CONFIG_DIR/CLAUDE.md (default ~/.claude/CLAUDE.md), which
// may import other files with `@path` on its own line (relative to the importing file, at most
// five hops deep). The soul's parts are rendered to soulsync/*.md beside it and imported one hop
// deep; skills go to $CLAUDE_CONFIG_DIR/skills/<name>/.
import { join } from "node:path";
import type { Problem } from "../../core/problem.js";
import type { Soul } from "../../soul/model.js";
import { checkSoulImports } from "../claude-imports.js";
import { type Doc, docFrom } from "../compose.js";
import { userContextAllowed } from "../privacy.js";
import type { HarnessRender, RenderContext } from "../types.js";
import { compose, docFile, result } from "./common.js";

const IMPORTED = ["soulsync/SOUL.md", "soulsync/IDENTITY.md", "soulsync/USER.md", "soulsync/AGENTS.md"] as const;

/** CLAUDE.md importing soulsync/{SOUL,IDENTITY,USER,AGENTS}.md (USER only when allowed). */
export function renderClaudeCode(soul: Soul, ctx: RenderContext): HarnessRender {
  const dir = ctx.paths.claudeConfig;
  const allowUser = userContextAllowed(soul.manifest, "claude-code");
  const problems: Problem[] = [];
  const texts: Array<[string, string | undefined]> = [
    ["SOUL.md", soul.soul],
    ["IDENTITY.md", soul.identity],
    ["USER.md", allowUser ? soul.user : undefined],
    ["AGENTS.md", soul.agents],
  ];
  for (const [source, text] of texts) if (text) problems.push(...checkSoulImports(source, text, 0));
  const adapter = soul.adapters["claude-code"];
  if (adapter) problems.push(...checkSoulImports(adapter.path, adapter.body, 0));

  const composed = compose(
    "claude-code",
    soul,
    ctx,
    texts.map(([source, text], i) => docFrom(IMPORTED[i]!, [{ source, text }])),
    { dir, files: ["CLAUDE.md", ...IMPORTED], primary: "CLAUDE.md", skillsDir: join(dir, "skills") },
  );
  problems.push(...composed.problems);
  const imported = composed.docs.filter((d) => d.name !== "CLAUDE.md");
  const fromAdapter = composed.docs.find((d) => d.name === "CLAUDE.md");
  const replaced = fromAdapter !== undefined && adapter?.frontMatter.mode === "replace";
  const imports = imported.map((d) => `@${d.name}`).join("\n");
  const main: Doc = replaced
    ? fromAdapter
    : {
        name: "CLAUDE.md",
        sources: [...imported.flatMap((d) => d.sources), ...(fromAdapter?.sources ?? [])],
        body: [imports, fromAdapter?.body.trim()].filter((s) => s).join("\n\n") + "\n",
      };
  const files = [main, ...imported].map((d) => docFile("claude-code", dir, d, ctx));
  return result("claude-code", [...files, ...composed.skills], problems);
}

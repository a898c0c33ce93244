// Validates a soul tree against Layered Soul v1 (pure: tree in, problems and the parsed soul out).
import { errorAt, type Problem, warningAt } from "../../core/problem.js";
import { DEFAULT_LIMITS, type SoulLimits } from "../limits.js";
import type { AdapterDoc, Soul } from "../model.js";
import { parseFrontMatter } from "../frontmatter.js";
import { HARNESSES, type HarnessName } from "../schema/names.js";
import type { SoulTree } from "../tree/types.js";
import { checkBudgets } from "./budgets.js";
import { checkFiles } from "./files.js";
import { checkManifest } from "./manifest.js";
import { checkMemories } from "./memories.js";
import { checkSkills } from "./skills.js";
import { decodeText } from "./text.js";

export interface SoulCheck {
  problems: Problem[];
  /** Present only when there are no errors. */
  soul: Soul | undefined;
}

/** Paths whose contents must be UTF-8 text: all Markdown and JSON, and the core files. */
function mustBeText(path: string): boolean {
  return /\.(md|markdown|json|ya?ml|txt)$/i.test(path) || !path.includes("/");
}

export function validateSoul(tree: SoulTree, limits: SoulLimits = DEFAULT_LIMITS): SoulCheck {
  const problems = checkFiles(tree, limits);
  const texts = new Map<string, string>();
  for (const e of tree.entries) {
    if (e.type !== "file" || !e.data || !mustBeText(e.path)) continue;
    const decoded = decodeText(e.data);
    if (decoded.ok) texts.set(e.path, decoded.text);
    else problems.push(errorAt(e.path, decoded.code, decoded.message, decoded.line, decoded.column));
  }

  const manifestText = texts.get("manifest.json");
  const { manifest, problems: manifestProblems } =
    manifestText === undefined ? { manifest: undefined, problems: [] } : checkManifest(manifestText);
  problems.push(...manifestProblems);

  const { skills, problems: skillProblems } = checkSkills(tree, texts);
  problems.push(...skillProblems);
  const { memories, problems: memoryProblems } = checkMemories(tree, texts);
  problems.push(...memoryProblems);
  const adapters = checkAdapters(tree, texts, problems);
  problems.push(...checkOtherMarkdown(texts));
  problems.push(...checkBudgets(texts));

  const failed = problems.some((p) => p.severity === "error");
  if (failed || !manifest) return { problems, soul: undefined };
  return {
    problems,
    soul: {
      manifest,
      soul: texts.get("SOUL.md") ?? "",
      user: texts.get("USER.md") ?? "",
      identity: texts.get("IDENTITY.md") ?? "",
      agents: texts.get("AGENTS.md"),
      skills,
      memories,
      adapters,
      label: tree.label,
      commit: tree.commit,
    },
  };
}

/** adapters/<harness>.md: a known harness name; optional front matter. */
function checkAdapters(tree: SoulTree, texts: Map<string, string>, problems: Problem[]): Partial<Record<HarnessName, AdapterDoc>> {
  const adapters: Partial<Record<HarnessName, AdapterDoc>> = {};
  for (const e of tree.entries) {
    if (!e.path.startsWith("adapters/") || e.type === "dir") continue;
    const name = e.path.slice("adapters/".length).replace(/\.md$/, "");
    if (!e.path.endsWith(".md") || !(HARNESSES as readonly string[]).includes(name)) {
      problems.push(errorAt(e.path, "E_ADAPTER_NAME", `adapter files are adapters/<harness>.md with harness one of ${HARNESSES.join(", ")}`));
      continue;
    }
    const text = texts.get(e.path);
    if (text === undefined) continue;
    const fm = parseFrontMatter(text, false);
    for (const p of fm.problems) problems.push(errorAt(e.path, p.code, p.message, p.line, p.column));
    adapters[name as HarnessName] = { path: e.path, frontMatter: fm.data ?? {}, body: fm.body };
  }
  return adapters;
}

/** Markdown that the checks above do not parse with a schema: memories, SKILL.md and adapters have their own. */
function hasOwnCheck(path: string): boolean {
  return path.startsWith("memories/") || path.startsWith("adapters/") || /^skills\/[^/]+\/SKILL\.md$/.test(path);
}

/**
 * Every other Markdown file, core files included: a front matter block is parsed by the same safe
 * parser (a `---js` block or `!!js/function` is refused here, not copied into every harness file).
 */
function checkOtherMarkdown(texts: Map<string, string>): Problem[] {
  const problems: Problem[] = [];
  for (const [path, text] of texts) {
    if (!/\.(md|markdown)$/i.test(path) || hasOwnCheck(path)) continue;
    const fm = parseFrontMatter(text, false);
    for (const p of fm.problems) problems.push(errorAt(path, p.code, p.message, p.line, p.column));
    if (fm.problems.length === 0 && fm.data) {
      problems.push(warningAt(path, "W_FRONTMATTER_TEXT", "front matter here has no meaning to soulsync; harnesses receive it as text", 1, 1));
    }
  }
  return problems;
}

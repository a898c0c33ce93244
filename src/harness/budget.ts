// Harness budgets, as each loader counts them. Going over is an error that names the file and the
// overflow: a harness that silently cuts the middle of a soul is worse than a render that refuses.
// Sources: OpenClaw 2026.9.6 dist/bootstrap-*.mjs (buildBootstrapContextFiles: per-file cap, the
// USER.md cap, one running total in prompt order); Hermes tools/memory_tool.py (MemoryStore) and
// agent/prompt_builder.py (context file truncation); Codex codex-rs/core/src/project_doc.rs.
import { isAbsolute, relative } from "node:path";
import { errorAt, type Problem } from "../core/problem.js";
import type { HarnessName } from "../soul/schema/names.js";
import type { HarnessPaths } from "./paths.js";

export const HARNESS_BUDGETS = {
  /**
   * Codex project_doc_max_bytes default (codex-rs/core/src/project_doc.rs): it bounds the chain of
   * project AGENTS.md files from the git root to the working directory, not $CODEX_HOME/AGENTS.md,
   * which Codex reads whole as user instructions. soulsync renders no project doc, so it is not applied.
   */
  codexProjectDocBytes: 32 * 1024,
  /** Hermes context file cap (head and tail kept beyond it) for SOUL.md, in Python characters (code points). */
  hermesSoulChars: 20_000,
  /** Hermes MemoryStore user_char_limit for memories/USER.md (entries joined by "\n§\n"). */
  hermesUserChars: 1_375,
  /** OpenClaw DEFAULT_BOOTSTRAP_MAX_CHARS per workspace file (JavaScript string length). */
  openclawFileChars: 20_000,
  /** OpenClaw USER_BOOTSTRAP_MAX_CHARS: USER.md has a fixed cap of its own. */
  openclawUserChars: 4_000,
  /** OpenClaw DEFAULT_BOOTSTRAP_TOTAL_MAX_CHARS over AGENTS, SOUL, IDENTITY, USER, BOOTSTRAP, MEMORY (in that order). */
  openclawTotalChars: 60_000,
  /** Claude Code: imports recurse at most five hops. */
  claudeImportDepth: 5,
} as const;

/** Harness names as people write them, for messages. */
export const HARNESS_LABEL: Record<HarnessName, string> = {
  pi: "Pi",
  hermes: "Hermes",
  codex: "Codex",
  "claude-code": "Claude Code",
  colibri: "Colibri",
  openclaw: "OpenClaw",
};

/** Unicode code points, as Python's len() counts them. */
export const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** A target path as shown in messages: relative to --out when inside it. */
export function displayPath(paths: HarnessPaths, abs: string): string {
  const rel = relative(paths.home, abs);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split("\\").join("/") : abs;
}

const fmt = (n: number) => n.toLocaleString("en-US");

/** An error when `size` exceeds `limit`; undefined otherwise. */
export function overBudget(
  file: string,
  rule: string,
  size: number,
  limit: number,
  unit: "bytes" | "characters",
  sources: readonly string[],
): Problem | undefined {
  if (size <= limit) return undefined;
  const from = sources.length > 0 ? ` (from ${sources.join(", ")})` : "";
  return errorAt(
    file,
    "E_RENDER_BUDGET",
    `${rule} is ${fmt(limit)} ${unit}; the render has ${fmt(size)}, ${fmt(size - limit)} over${from}`,
  );
}

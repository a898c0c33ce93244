// Harness budgets. Going over is an error that names the file and the overflow: a harness that
// silently cuts the middle of a soul is worse than a render that refuses.
import { isAbsolute, relative } from "node:path";
import { errorAt, type Problem } from "../core/problem.js";
import type { HarnessPaths } from "./paths.js";

export const HARNESS_BUDGETS = {
  /** Codex project_doc_max_bytes default: the combined AGENTS.md chain, in bytes. */
  codexBytes: 32 * 1024,
  /** Hermes CONTEXT_FILE_MAX_CHARS floor for SOUL.md (Python characters = code points). */
  hermesSoulChars: 20_000,
  /** Hermes MemoryStore user_char_limit for memories/USER.md (entries joined by "\n§\n"). */
  hermesUserChars: 1_375,
  /** OpenClaw agents.defaults.bootstrapMaxChars (JavaScript string length). */
  openclawFileChars: 20_000,
  /** OpenClaw agents.defaults.bootstrapTotalMaxChars. */
  openclawTotalChars: 60_000,
  /** Claude Code: imports recurse at most five hops. */
  claudeImportDepth: 5,
} as const;

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

// The one gate every command that reads a soul for use passes it through: the Layered Soul
// rules and the secrets scan together, so what `validate` refuses, `render`, `promote` and
// `brain import` refuse too (sync applies the same two checks to its snapshots).
import { errorAt, type Problem } from "../core/problem.js";
import { secretProblems } from "../secrets/tree.js";
import { loadSoul, type SoulSource } from "./load.js";
import type { SoulCheck } from "./validate/index.js";
import type { SoulTree } from "./tree/types.js";

export interface GateOptions {
  /** Fingerprints the operator accepted (host-side allowlist). */
  allow?: ReadonlySet<string>;
}

/** Reads and checks a soul; `soul` is present only when neither check found an error. */
export async function loadGatedSoul(source: SoulSource, options: GateOptions = {}): Promise<SoulCheck & { tree: SoulTree }> {
  const checked = await loadSoul(source);
  const problems = [...checked.problems, ...secretProblems(checked.tree, { allow: options.allow ?? new Set() })];
  const failed = problems.some((p) => p.severity === "error");
  return { tree: checked.tree, problems, soul: failed ? undefined : checked.soul };
}

/** Entries that git would silently leave out of a commit (a plain-directory source): refused instead. */
export function unrecordableProblems(tree: SoulTree): Problem[] {
  const problems: Problem[] = [];
  for (const e of tree.entries) {
    if (e.type === "other") problems.push(errorAt(e.path, "E_SPECIAL_FILE", "only regular files, directories and symlinks are allowed"));
    if (e.type === "badname") problems.push(errorAt(e.path, "E_NAME_NOT_UTF8", "file name is not valid UTF-8 (bad bytes shown as \\xNN)"));
  }
  if (tree.stopped) problems.push(errorAt(".", "E_TOO_MANY_FILES", `the directory has too many entries or is nested too deep; reading stopped at ${tree.stopped.at}`));
  return problems;
}

// Secret findings as validation problems (E_SECRET) for a soul tree, so `validate` and the sync
// pipeline refuse a revision that carries a secret. The message names rule and fingerprint only.
import { errorAt, type Problem } from "../core/problem.js";
import type { SoulTree } from "../soul/tree/types.js";
import { type ScanInput, type ScanOptions, scanFiles } from "./api.js";

/**
 * Scans every read file of the tree, and `extra` inputs such as commit messages (pure); files
 * too large to read are the validator's to report.
 */
export function secretProblems(tree: SoulTree, options: ScanOptions = {}, extra: readonly ScanInput[] = []): Problem[] {
  const files = tree.entries.flatMap((e) => (e.type === "file" && e.data ? [{ path: e.path, data: e.data }] : []));
  return scanFiles([...files, ...extra], options).findings.map((f) =>
    errorAt(f.file, "E_SECRET", `secret found: ${f.rule} (fingerprint ${f.fingerprint}) ${f.preview}`, f.line, f.column),
  );
}

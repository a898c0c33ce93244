// Before publish: the snapshot must pass its validator (Layered Soul v1 for a soul, host.yaml for
// the host repo) and the secrets scan, every file in full. Problems come back as data.
import { readFile } from "node:fs/promises";
import { errorAt, type Problem } from "../core/problem.js";
import { type ScanInput, scanFiles } from "../secrets/api.js";
import type { SoulTree } from "../soul/tree/types.js";

/** A validator of one kind of source: tree in, problems out. */
export type TreeValidator = (tree: SoulTree, dir: string) => Promise<Problem[]> | Problem[];

/**
 * Scans every file of `tree` and any `extra` inputs such as commit messages (pure); findings become
 * E_SECRET problems naming file, line, rule and fingerprint.
 */
export function scanTree(tree: SoulTree, allow: ReadonlySet<string>, extra: readonly ScanInput[] = []): Problem[] {
  const files = tree.entries.filter((e) => e.type === "file" && e.data).map((e) => ({ path: e.path, data: e.data! }));
  files.push(...extra);
  const { findings } = scanFiles(files, { allow });
  return findings.map((f) =>
    errorAt(f.file, "E_SECRET", `secret found (rule ${f.rule}, fingerprint ${f.fingerprint}): ${f.preview}`, f.line, f.column),
  );
}

/** Reads the host-side allowlist: one fingerprint a line, `#` comments. */
export async function readAllowlist(path: string | undefined): Promise<Set<string>> {
  if (!path) return new Set();
  const text = await readFile(path, "utf8").catch(() => "");
  return new Set(
    text
      .split("\n")
      .map((l) => l.replace(/#.*/, "").trim())
      .filter(Boolean),
  );
}

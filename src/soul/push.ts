// The gate at the origin: each branch and tag tip a push brings must be a valid Layered Soul v1
// tree (validate's rules; the hook scans secrets separately), so what validate refuses is refused
// at `git push` too. Each distinct tip is read and validated once.
import type { Problem } from "../core/problem.js";
import { readTreeWithGitCli } from "./tree/read-git-cli.js";
import { validateSoul } from "./validate/index.js";

export interface PushedRef {
  new: string;
  ref: string;
  deleted: boolean;
}

/** Errors of every pushed branch or tag tip, each file named `<ref>:<path>`. */
export async function validatePushedSouls(repo: string | undefined, updates: readonly PushedRef[]): Promise<Problem[]> {
  const byTip = new Map<string, string>();
  for (const u of updates) {
    if (!u.deleted && /^refs\/(heads|tags)\//.test(u.ref) && !byTip.has(u.new)) byTip.set(u.new, u.ref);
  }
  const problems: Problem[] = [];
  for (const [tip, ref] of byTip) {
    const tree = await readTreeWithGitCli(repo, tip);
    for (const p of validateSoul(tree).problems) if (p.severity === "error") problems.push({ ...p, file: `${ref}:${p.file}` });
  }
  return problems;
}

// Reads a soul (directory or commit) and validates it: the one call most commands need.
import { DEFAULT_LIMITS, type SoulLimits } from "./limits.js";
import { readTreeFromDir } from "./tree/read-dir.js";
import type { SoulTree } from "./tree/types.js";
import { type SoulCheck, validateSoul } from "./validate/index.js";

export type SoulSource = { dir: string } | { repo: string; rev: string };

export async function readSoulTree(source: SoulSource): Promise<SoulTree> {
  if ("dir" in source) return readTreeFromDir(source.dir);
  // isomorphic-git is loaded only when a commit is read: it costs start-up time.
  const { readTreeFromGit } = await import("./tree/read-git.js");
  return readTreeFromGit(source.repo, source.rev);
}

export async function loadSoul(source: SoulSource, limits: SoulLimits = DEFAULT_LIMITS): Promise<SoulCheck & { tree: SoulTree }> {
  const tree = await readSoulTree(source);
  return { tree, ...validateSoul(tree, limits) };
}

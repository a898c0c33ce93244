// Reads a soul repo from a directory through the untrusted-input reader: lstat only (symlinks
// are recorded, never followed), special files listed but never opened, the walk stopped at the
// file limit, names that are not UTF-8 kept as escaped "badname" entries for the validator.
import { lstat } from "node:fs/promises";
import { environmentError } from "../../core/errors.js";
import { readUntrusted } from "../../untrusted/read-file.js";
import { walkUntrusted } from "../../untrusted/walk.js";
import { DEFAULT_LIMITS } from "../limits.js";
import { READ_LIMIT_BYTES, type SoulTree, type TreeEntry, WALK_LIMITS } from "./types.js";

/** Directory names that are never part of a soul's content. */
const SKIP_DIRS = new Set([".git"]);

export async function readTreeFromDir(root: string, readLimit = READ_LIMIT_BYTES, maxFiles = DEFAULT_LIMITS.maxFiles): Promise<SoulTree> {
  const st = await lstat(root).catch((e: NodeJS.ErrnoException) => {
    throw environmentError("E_PATH", `cannot read ${root}: ${e.code ?? e.message}`, { path: root });
  });
  if (!st.isDirectory()) throw environmentError("E_PATH", `${root} is not a directory`, { path: root });
  const walk = await walkUntrusted(root, { ...WALK_LIMITS, maxFiles, maxDirs: maxFiles, skipTop: SKIP_DIRS });
  const entries: TreeEntry[] = [];
  for (const w of walk.entries) {
    if (w.kind === "dir") entries.push({ path: w.path, type: "dir", size: 0 });
    else if (w.kind === "symlink") entries.push({ path: w.path, type: "symlink", size: w.size, target: w.target ?? "" });
    else if (w.kind === "file") entries.push(await readEntry(w.abs!, w.path, w.size, w.mode, readLimit));
    else entries.push({ path: w.path, type: w.kind, size: 0 });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const tree: SoulTree = { label: root, entries };
  if (walk.stopped) tree.stopped = walk.stopped;
  return tree;
}

async function readEntry(abs: string, path: string, size: number, mode: number, readLimit: number): Promise<TreeEntry> {
  const entry: TreeEntry = { path, type: "file", size, executable: (mode & 0o111) !== 0 };
  if (size > readLimit) return entry;
  const read = await readUntrusted(abs, { maxBytes: readLimit, noSymlinks: true });
  if (read.ok) entry.data = read.data;
  else if (read.reason === "not-regular") return { path, type: "other", size: 0 };
  return entry;
}

// Reads a soul repo from a directory: lstat only (symlinks are recorded, never followed).
import { lstat, readFile, readdir, readlink } from "node:fs/promises";
import { join } from "node:path";
import { environmentError } from "../../core/errors.js";
import { READ_LIMIT_BYTES, type SoulTree, type TreeEntry } from "./types.js";

/** Directory names that are never part of a soul's content. */
const SKIP_DIRS = new Set([".git"]);

export async function readTreeFromDir(root: string, readLimit = READ_LIMIT_BYTES): Promise<SoulTree> {
  const st = await lstat(root).catch((e: NodeJS.ErrnoException) => {
    throw environmentError("E_PATH", `cannot read ${root}: ${e.code ?? e.message}`, { path: root });
  });
  if (!st.isDirectory()) throw environmentError("E_PATH", `${root} is not a directory`, { path: root });
  const entries: TreeEntry[] = [];
  await walk(root, "", entries, readLimit);
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { label: root, entries };
}

async function walk(root: string, rel: string, out: TreeEntry[], readLimit: number): Promise<void> {
  const names = await readdir(join(root, rel));
  for (const name of names) {
    const path = rel === "" ? name : `${rel}/${name}`;
    const abs = join(root, path);
    const st = await lstat(abs);
    if (st.isDirectory()) {
      if (rel === "" && SKIP_DIRS.has(name)) continue;
      out.push({ path, type: "dir", size: 0 });
      await walk(root, path, out, readLimit);
    } else if (st.isSymbolicLink()) {
      const target = await readlink(abs);
      out.push({ path, type: "symlink", size: target.length, target });
    } else if (st.isFile()) {
      const entry: TreeEntry = { path, type: "file", size: st.size, executable: (st.mode & 0o111) !== 0 };
      if (st.size <= readLimit) entry.data = await readFile(abs);
      out.push(entry);
    } else {
      out.push({ path, type: "other", size: 0 });
    }
  }
}

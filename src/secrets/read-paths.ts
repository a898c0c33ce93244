// Reads files and directories from disk for `soulsync scan PATH...` (symlinks are not followed,
// .git directories are skipped, files over the limit are listed by size but not read).
import { lstat, readdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { environmentError } from "../core/errors.js";
import { readUntrusted } from "../untrusted/read-file.js";
import type { ScanInput } from "./api.js";

/** Every regular file under `path`, named relative to it (a file argument keeps its base name). */
export async function readPaths(path: string, maxBytes: number): Promise<ScanInput[]> {
  const st = await lstat(path).catch((e: NodeJS.ErrnoException) => {
    throw environmentError("E_PATH", `cannot read ${path}: ${e.code ?? e.message}`, { path });
  });
  const out: ScanInput[] = [];
  if (st.isDirectory()) await walk(path, "", out, maxBytes);
  else if (st.isFile()) out.push(await readOne(path, basename(path), st.size, maxBytes));
  return out;
}

async function walk(root: string, rel: string, out: ScanInput[], maxBytes: number): Promise<void> {
  for (const name of (await readdir(join(root, rel))).sort()) {
    const path = rel === "" ? name : `${rel}/${name}`;
    const st = await lstat(join(root, path));
    if (st.isDirectory()) {
      if (name !== ".git") await walk(root, path, out, maxBytes);
    } else if (st.isFile()) {
      out.push(await readOne(join(root, path), path, st.size, maxBytes));
    }
  }
}

async function readOne(abs: string, path: string, size: number, maxBytes: number): Promise<ScanInput> {
  if (size > maxBytes) return { path, size, data: new Uint8Array() };
  // Opened through the untrusted reader: should it have become a FIFO since lstat, it is not waited on.
  const read = await readUntrusted(abs, { maxBytes, noSymlinks: true });
  return { path, size, data: read.ok ? read.data : new Uint8Array() };
}

// The one way to read an untrusted file (soul, host repo, bootstrap, allowlist, secrets dir):
// regular files only, refused by lstat before opening and again by fstat after (a FIFO, socket or
// device never blocks or floods us), no symlink leaving its root, a size cap before and while reading.
import { constants } from "node:fs";
import { lstat, open, realpath } from "node:fs/promises";
import { isAbsolute, relative, sep } from "node:path";

export type ReadRefusal = "missing" | "not-regular" | "symlink-escape" | "too-large" | "unreadable";

export type ReadResult =
  | { ok: true; data: Uint8Array; path: string }
  | { ok: false; reason: ReadRefusal; message: string; path: string };

export interface ReadOptions {
  /** Bytes; a file larger than this is refused before and while reading. */
  maxBytes: number;
  /**
   * Symlinks may lead anywhere inside this directory (a host repo's root); absent: a symlink is
   * followed wherever it leads (operator-owned files such as the bootstrap file), but what it
   * names must still be a regular file.
   */
  root?: string;
  /** Refuse symlinks altogether (a soul tree records them instead of following them). */
  noSymlinks?: boolean;
}

const KIND = (st: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isDirectory(): boolean }) =>
  st.isFIFO() ? "a FIFO" : st.isSocket() ? "a socket" : st.isCharacterDevice() ? "a character device" : st.isBlockDevice() ? "a block device" : st.isDirectory() ? "a directory" : "not a regular file";

/** True when `path` is `root` or below it (both real paths). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

const CHUNK = 64 * 1024;

const refuse = (path: string, reason: ReadRefusal, message: string): ReadResult => ({ ok: false, reason, message, path });

/** Reads `path` under the rules above; never throws for what the file is, only reports it. */
export async function readUntrusted(path: string, options: ReadOptions): Promise<ReadResult> {
  const st = await lstat(path).catch((e: NodeJS.ErrnoException) => e);
  if (st instanceof Error) {
    return refuse(path, st.code === "ENOENT" || st.code === "ENOTDIR" ? "missing" : "unreadable", `cannot read: ${st.code ?? "error"}`);
  }
  let target = path;
  if (st.isSymbolicLink()) {
    if (options.noSymlinks) return refuse(path, "not-regular", "is a symlink");
    const real = await realpath(path).catch((e: NodeJS.ErrnoException) => e);
    if (real instanceof Error) return refuse(path, real.code === "ENOENT" ? "missing" : "unreadable", `is a symlink that cannot be resolved (${real.code ?? "error"})`);
    if (options.root !== undefined) {
      const root = await realpath(options.root).catch(() => options.root as string);
      if (!isInside(root, real)) return refuse(path, "symlink-escape", "is a symlink that leads outside its repo");
    }
    target = real;
    const tst = await lstat(real);
    if (!tst.isFile()) return refuse(path, "not-regular", `is a symlink to ${KIND(tst)}`);
  } else if (!st.isFile()) {
    return refuse(path, "not-regular", `is ${KIND(st)}, not a regular file`);
  }
  // O_NONBLOCK: should the file have been swapped for a FIFO since lstat, open does not wait.
  const fh = await open(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW).catch((e: NodeJS.ErrnoException) => e);
  if (fh instanceof Error) return refuse(path, "unreadable", `cannot open: ${fh.code ?? "error"}`);
  try {
    const fst = await fh.stat();
    if (!fst.isFile()) return refuse(path, "not-regular", `is ${KIND(fst)}, not a regular file`);
    if (fst.size > options.maxBytes) return refuse(path, "too-large", `is ${fst.size} bytes; the limit is ${options.maxBytes}`);
    // Read in chunks up to one byte past the cap: a file that grows while we read is caught too.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(CHUNK, options.maxBytes + 1 - length));
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > options.maxBytes) return refuse(path, "too-large", `grew past the limit of ${options.maxBytes} bytes while being read`);
    }
    return { ok: true, data: Buffer.concat(chunks, length), path };
  } finally {
    await fh.close();
  }
}

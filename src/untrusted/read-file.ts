// The one way to read an untrusted file (soul, host repo, bootstrap, allowlist, secrets dir):
// regular files only, refused by lstat before opening and again by fstat after (a FIFO, socket or
// device never blocks or floods us), no symlink leaving its root, a size cap before and while reading.
//
// The calls are synchronous: these are small local files, and each asynchronous call is a round
// trip through libuv's thread pool; reading a soul that way cost a command more than the reading.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from "node:fs";
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
/** The smallest read once the promised bytes are in: a file that keeps growing is read in steps this large at least. */
const MIN_READ = 4096;

const refuse = (path: string, reason: ReadRefusal, message: string): ReadResult => ({ ok: false, reason, message, path });

/** The result of a call, or the error it threw (a file system error carries its `code`). */
function attempt<T>(call: () => T): T | NodeJS.ErrnoException {
  try {
    return call();
  } catch (e) {
    return e as NodeJS.ErrnoException;
  }
}

/** Reads `path` under the rules above; never throws for what the file is, only reports it. */
export async function readUntrusted(path: string, options: ReadOptions): Promise<ReadResult> {
  return readUntrustedSync(path, options);
}

function readUntrustedSync(path: string, options: ReadOptions): ReadResult {
  const st = attempt(() => lstatSync(path));
  if (st instanceof Error) {
    return refuse(path, st.code === "ENOENT" || st.code === "ENOTDIR" ? "missing" : "unreadable", `cannot read: ${st.code ?? "error"}`);
  }
  let target = path;
  if (st.isSymbolicLink()) {
    if (options.noSymlinks) return refuse(path, "not-regular", "is a symlink");
    const real = attempt(() => realpathSync(path));
    if (real instanceof Error) return refuse(path, real.code === "ENOENT" ? "missing" : "unreadable", `is a symlink that cannot be resolved (${real.code ?? "error"})`);
    if (options.root !== undefined) {
      const root = attempt(() => realpathSync(options.root as string));
      if (!isInside(root instanceof Error ? options.root : root, real)) return refuse(path, "symlink-escape", "is a symlink that leads outside its repo");
    }
    target = real;
    const tst = lstatSync(real);
    if (!tst.isFile()) return refuse(path, "not-regular", `is a symlink to ${KIND(tst)}`);
  } else if (!st.isFile()) {
    return refuse(path, "not-regular", `is ${KIND(st)}, not a regular file`);
  }
  // O_NONBLOCK: should the file have been swapped for a FIFO since lstat, open does not wait.
  const fd = attempt(() => openSync(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW));
  if (fd instanceof Error) return refuse(path, "unreadable", `cannot open: ${fd.code ?? "error"}`);
  try {
    const fst = fstatSync(fd);
    if (!fst.isFile()) return refuse(path, "not-regular", `is ${KIND(fst)}, not a regular file`);
    if (fst.size > options.maxBytes) return refuse(path, "too-large", `is ${fst.size} bytes; the limit is ${options.maxBytes}`);
    // Read in chunks up to one byte past the cap: a file that grows while we read is caught too.
    // A buffer is sized for what fstat promised (one byte more, to see the end), never past CHUNK.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const want = Math.max(fst.size - length + 1, MIN_READ);
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, options.maxBytes + 1 - length, want));
      const bytesRead = readSync(fd, chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > options.maxBytes) return refuse(path, "too-large", `grew past the limit of ${options.maxBytes} bytes while being read`);
    }
    return { ok: true, data: Buffer.concat(chunks, length), path };
  } finally {
    closeSync(fd);
  }
}

// Walks an untrusted directory tree with lstat only (symlinks are reported, never followed),
// counting as it goes: it stops at the limit instead of listing a million files first.
// Synchronous calls, like the reader's (read-file.ts): a thread-pool round trip per entry cost more
// than the listing.
import { lstatSync, readdirSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { decodeName, escapeName } from "./names.js";

export type WalkKind = "file" | "dir" | "symlink" | "other" | "badname";

export interface WalkEntry {
  /** Relative path with forward slashes; for "badname", the escaped rendering. */
  path: string;
  kind: WalkKind;
  /** Absolute path to lstat or open (absent for "badname"). */
  abs?: string;
  size: number;
  mode: number;
  target?: string;
}

export interface WalkLimits {
  /** Entries that are not directories. */
  maxFiles: number;
  /** Directories. */
  maxDirs: number;
  /** Nesting below the root. */
  maxDepth: number;
  /** Top-level directory names to leave out (".git"). */
  skipTop?: ReadonlySet<string>;
}

export interface WalkResult {
  entries: WalkEntry[];
  /** Set when the walk stopped early, with the limit that stopped it. */
  stopped?: { limit: "files" | "dirs" | "depth"; at: string };
}

/** Lists `root` depth first in name order, stopping at the first limit reached. */
export async function walkUntrusted(root: string, limits: WalkLimits): Promise<WalkResult> {
  const result: WalkResult = { entries: [] };
  let files = 0;
  let dirs = 0;
  const stop = (limit: "files" | "dirs" | "depth", at: string) => {
    result.stopped = { limit, at };
  };
  const visit = (rel: string, depth: number) => {
    const names = readdirSync(join(root, rel), { encoding: "buffer" }).sort(Buffer.compare);
    for (const raw of names) {
      if (result.stopped) return;
      const name = decodeName(raw);
      const shown = name ?? escapeName(raw);
      const path = rel === "" ? shown : `${rel}/${shown}`;
      if (name === undefined) {
        if (++files > limits.maxFiles) return stop("files", path);
        result.entries.push({ path, kind: "badname", size: 0, mode: 0 });
        continue;
      }
      if (rel === "" && limits.skipTop?.has(name)) continue;
      const abs = join(root, path);
      const st = lstatSync(abs);
      if (st.isDirectory()) {
        if (++dirs > limits.maxDirs) return stop("dirs", path);
        if (depth + 1 > limits.maxDepth) return stop("depth", path);
        result.entries.push({ path, kind: "dir", abs, size: 0, mode: st.mode });
        visit(path, depth + 1);
        continue;
      }
      if (++files > limits.maxFiles) return stop("files", path);
      if (st.isSymbolicLink()) {
        const target = readlinkSync(abs);
        result.entries.push({ path, kind: "symlink", abs, size: Buffer.byteLength(target), mode: st.mode, target });
      } else {
        result.entries.push({ path, kind: st.isFile() ? "file" : "other", abs, size: st.size, mode: st.mode });
      }
    }
  };
  visit("", 0);
  return result;
}

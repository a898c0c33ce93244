// A soul repo's files as data, read from a directory or from a git commit, so the
// validator and parsers stay pure and never touch the filesystem themselves.

/** "badname": a name that is not UTF-8 (its path is the escaped rendering); "other": FIFO, socket, device. */
export type EntryType = "file" | "symlink" | "dir" | "submodule" | "other" | "badname";

export interface TreeEntry {
  /** Relative path with forward slashes, no leading "./". */
  path: string;
  type: EntryType;
  /** Bytes (for a symlink, the length of its target). */
  size: number;
  /** File contents; absent for files over the read limit, dirs and symlinks. */
  data?: Uint8Array;
  /** Symlink target as written in the link. */
  target?: string;
  executable?: boolean;
}

export interface SoulTree {
  /** What was read, for messages: a directory path or `repo@rev`. */
  label: string;
  /** The exact commit when read from git. */
  commit?: string;
  entries: TreeEntry[];
  /** Set when reading stopped at a limit (too many files or directories, too deep): the tree is partial. */
  stopped?: { limit: "files" | "dirs" | "depth"; at: string };
}

/** Files over this size are listed but not read (the validator reports them). */
export const READ_LIMIT_BYTES = 4 * 1024 * 1024;

/** Limits of the walk itself; the file count comes from the soul limits. */
export const WALK_LIMITS = { maxDepth: 32 } as const;

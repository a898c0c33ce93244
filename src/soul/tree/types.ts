// A soul repo's files as data, read from a directory or from a git commit, so the
// validator and parsers stay pure and never touch the filesystem themselves.

export type EntryType = "file" | "symlink" | "dir" | "submodule" | "other";

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
}

/** Files over this size are listed but not read (the validator reports them). */
export const READ_LIMIT_BYTES = 4 * 1024 * 1024;

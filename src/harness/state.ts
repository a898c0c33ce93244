// What a render finds on disk before it changes anything (produced by observe.ts, read by plan.ts).
import type { RenderJournal } from "./journal.js";
import type { RenderManifest } from "./manifest.js";
import type { Shadow } from "./readers.js";

/**
 * `via-symlink`: a folder between --out (or the env-named harness root) and the path is a
 * symlink, so writing there would land somewhere else. `outside`: under no harness root.
 */
export type ObservedKind = "missing" | "file" | "symlink" | "dir" | "other" | "via-symlink" | "outside";

export interface ObservedFile {
  kind: ObservedKind;
  /** For regular files. */
  sha256?: string;
  executable?: boolean;
  /** Text of an entry file (Hermes memories/USER.md), read so Hermes' own entries can be kept. */
  text?: string;
}

export interface ColibriRowState {
  name: string;
  managedBy: string | null;
  contentHash: string;
  sourceRevision: string;
  source: string;
}

export interface ColibriState {
  db: string;
  exists: boolean;
  /** sha256 of the database file, to name a backup. */
  sha256?: string;
  /** A -wal or -journal file is present: Colibri may be writing right now. */
  busy: boolean;
  /** A folder between --out and the database is a symlink (set by observeRender). */
  viaSymlink?: boolean;
  tableExists: boolean;
  missingColumns: string[];
  rows: ColibriRowState[];
}

export interface RenderState {
  /** Undefined when no manifest exists yet. After an interrupted render, recovered from its journal. */
  manifest: RenderManifest | undefined;
  /** The journal an interrupted render left (the next apply removes it). */
  journal?: RenderJournal;
  /** By absolute path: every desired path and every path in the manifest. */
  files: Map<string, ObservedFile>;
  colibri: ColibriState | undefined;
  /** Files that exist and that a harness reads instead of a rendered one (AGENTS.override.md, .pi/APPEND_SYSTEM.md). */
  shadows: Shadow[];
  /** Skill folder names (subfolders holding a SKILL.md) found under each skills root asked for. */
  skillDirs: Map<string, string[]>;
}

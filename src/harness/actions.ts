// The render plan's actions: a versioned list, a discriminated union on `kind`. What
// `render --dry-run --json` prints is exactly what `render` applies.
import type { Problem } from "../core/problem.js";
import type { HarnessName } from "../soul/schema/names.js";
import type { RenderManifest } from "./manifest.js";

export const RENDER_PLAN_VERSION = 1;

/** Why a file is (re)written. */
/** `merged`: Hermes added entries to a generated memories/USER.md; they are kept after soulsync's. */
export type WriteReason = "missing" | "stale" | "mode" | "foreign" | "modified" | "merged";

export type RenderAction =
  | {
      kind: "file.write";
      harness: HarnessName;
      /** Manifest key: relative to --out, or absolute. */
      path: string;
      reason: WriteReason;
      sha256: string;
      /** With --force: where the file found there is moved first. */
      backup?: string;
      /** Entries Hermes added, written after the rendered ones (reason `merged`). */
      keep?: string[];
    }
  | { kind: "file.adopt"; harness: HarnessName; path: string; sha256: string }
  | { kind: "file.remove"; harness: HarnessName; path: string; reason: "stale" | "disabled"; backup?: string }
  | { kind: "colibri.upsert"; harness: "colibri"; name: string; reason: "missing" | "stale" | "foreign"; sha256: string }
  | { kind: "colibri.delete"; harness: "colibri"; name: string; reason: "stale" | "disabled" };

export interface RenderPlan {
  version: typeof RENDER_PLAN_VERSION;
  /** Absolute --out. */
  home: string;
  revision: string;
  actions: RenderAction[];
  /** Files and rows a render refuses to touch without --force (and other blocking problems). */
  conflicts: Problem[];
  /** With --force, where Colibri's database is copied before a foreign row is replaced. */
  colibriBackup?: string;
  /** The manifest as it will be once every action has run. */
  manifest: RenderManifest;
}

/** Actions that change the disk or the database (adopt only records a file already in place). */
export const changesDisk = (a: RenderAction): boolean => a.kind !== "file.adopt";

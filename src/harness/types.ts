// What renderers produce: files to lay out under the harness homes and Colibri skill rows.
// Renderers are pure: a Soul and a RenderContext in, these values out.
import type { Problem } from "../core/problem.js";
import type { HarnessName } from "../soul/schema/names.js";
import type { HarnessPaths } from "./paths.js";
import type { HarnessVersions } from "./versions.js";

/** One file a harness should find on disk. */
export interface RenderedFile {
  harness: HarnessName;
  /** Absolute target path. */
  path: string;
  content: Uint8Array;
  executable: boolean;
  /** Soul paths the content came from (for provenance and messages). */
  sources: string[];
  /** For Hermes memories/USER.md: the entries rendered; entries Hermes adds later are kept. */
  entries?: string[];
  /** For files of a skill: its name and the skills folder it is laid out in. */
  skill?: { name: string; root: string };
}

/** One row of Colibri's SQLite `skills` table. */
export interface ColibriSkillRow {
  name: string;
  description: string;
  /** SKILL.md without its front matter. */
  body: string;
  /** SKILL.md as written in the soul. */
  skillMd: string;
  /** Front matter as canonical JSON. */
  metadata: string;
  /** sha256 of everything below that defines the row (SKILL.md and its other files). */
  contentHash: string;
  /** The provenance line: repo, revision, path. */
  source: string;
  sourceRevision: string;
  /** Supporting files of the skill folder other than SKILL.md, relative to it. */
  files: Array<{ path: string; data: Uint8Array; executable: boolean }>;
}

/** Where a rendered soul came from, as printed in every provenance line. */
export interface RenderOrigin {
  /** Repo URL or name (credentials already redacted). */
  repo: string;
  /** `<ref>@sha1:<commit>`, or what the operator passed with --revision. */
  revision: string;
}

export interface RenderContext {
  origin: RenderOrigin;
  paths: HarnessPaths;
  /** The agent's project directory (host.yaml project_dir): project files there are checked for shadowing. */
  projectDir?: string;
  /** Installed harness versions; unknown ones get the newest known behaviour. */
  versions?: HarnessVersions;
  /** Sizes (JavaScript string length) of files a harness keeps itself that share a budget with the render, by absolute path. */
  own?: ReadonlyMap<string, number>;
}

/** The output of rendering one harness. */
export interface HarnessRender {
  harness: HarnessName;
  /** False when the manifest turned this harness off: its generated files become stale. */
  enabled: boolean;
  files: RenderedFile[];
  /** Only for colibri. */
  colibri: ColibriSkillRow[];
  problems: Problem[];
}

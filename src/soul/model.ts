// The parsed soul that renderers and the brain import consume (only built when valid).
import type { HarnessName } from "./schema/names.js";
import type { Manifest } from "./schema/manifest.js";
import type { MemoryFrontMatter } from "./schema/memory.js";
import type { SkillFrontMatter } from "./schema/skill.js";
import type { TreeEntry } from "./tree/types.js";

export interface SkillDoc {
  name: string;
  /** `skills/<name>` */
  dir: string;
  frontMatter: SkillFrontMatter;
  /** SKILL.md without its front matter. */
  body: string;
  /** SKILL.md as written, front matter included. */
  raw: string;
  /** Every file under the skill's folder (SKILL.md included), for copying. */
  files: TreeEntry[];
}

export interface MemoryDoc {
  /** Front matter `id`, or the file name without `.md`. */
  id: string;
  /** `memories/curated/<file>.md` */
  path: string;
  frontMatter: MemoryFrontMatter;
  body: string;
}

export interface AdapterDoc {
  path: string;
  /** Front matter of the adapter file (optional), e.g. `mode: replace`. */
  frontMatter: Record<string, unknown>;
  body: string;
  /** 1-based line of the file where `body` starts (after the front matter). */
  bodyLine?: number;
}

export interface Soul {
  manifest: Manifest;
  /** Core Markdown, UTF-8 decoded. */
  soul: string;
  user: string;
  identity: string;
  agents: string | undefined;
  skills: SkillDoc[];
  memories: MemoryDoc[];
  adapters: Partial<Record<HarnessName, AdapterDoc>>;
  /** Where it was read from and, for git, the commit. */
  label: string;
  commit: string | undefined;
}

// Size limits for a soul repo (documented in README "Limits").

export interface SoulLimits {
  /** Any single file. */
  maxFileBytes: number;
  /** manifest.json. */
  maxManifestBytes: number;
  /** All files together. */
  maxTotalBytes: number;
  /** Number of files and symlinks. */
  maxFiles: number;
}

export const DEFAULT_LIMITS: SoulLimits = {
  maxFileBytes: 256 * 1024,
  maxManifestBytes: 64 * 1024,
  maxTotalBytes: 16 * 1024 * 1024,
  maxFiles: 10_000,
};

/** The files every Layered Soul v1 repo has. */
export const CORE_FILES = ["manifest.json", "SOUL.md", "USER.md", "IDENTITY.md"] as const;
/** Optional top-level Markdown the renderers use. */
export const OPTIONAL_FILES = ["AGENTS.md"] as const;

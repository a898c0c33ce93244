// Size caps of the files soulsync reads from outside (documented in docs/untrusted-input.md).
export const FILE_LIMITS = {
  hostYaml: 1024 * 1024,
  envFile: 64 * 1024,
  bootstrap: 1024 * 1024,
  allowlist: 4 * 1024 * 1024,
  secret: 64 * 1024,
} as const;

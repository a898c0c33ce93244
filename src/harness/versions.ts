// Harness versions: where a harness's paths changed between releases, the renderer and the
// "who reads what" table follow the version that is installed. A version comes from host.yaml
// (`harness_versions`), the --harness-version flag, or `<binary> --version`; unknown means the
// newest behaviour this table knows (recorded as "assumed" in the render manifest).
import type { HarnessName } from "../soul/schema/names.js";

export type VersionSource = "host.yaml" | "flag" | "detected" | "assumed";

export interface HarnessVersion {
  /** A semver-coercible version, or undefined when not known. */
  version: string | undefined;
  from: VersionSource;
  /** For a detected version: the binary that answered, and which file it was (inode, size, mtime). */
  binary?: { path: string; id: string };
}

export type HarnessVersions = Partial<Record<HarnessName, HarnessVersion>>;

/** The binary whose `--version` tells a harness's version, per harness (Colibri has none). */
export const VERSION_COMMANDS: Partial<Record<HarnessName, string>> = {
  pi: "pi",
  hermes: "hermes",
  codex: "codex",
  "claude-code": "claude",
  openclaw: "openclaw",
};

/** The first version-looking token of a `--version` line ("codex-cli 0.98.0" → "0.98.0"). */
export function parseVersionOutput(text: string): string | undefined {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!m) return undefined;
  return `${Number(m[1])}.${Number(m[2])}.${Number(m[3] ?? 0)}`;
}

/**
 * semver.coerce, as [major, minor, patch], for the strings a harness version can be: the first run
 * of up to three dot-separated numbers (16 digits at most each, not preceded or followed by a
 * digit); undefined where semver finds none or refuses what it found (a leading zero, a number past
 * 2^53 - 1). Its own few lines: the semver package and its 40 regular expressions cost every
 * render and validate its start-up for this one comparison.
 */
export function coerceVersion(version: string): [number, number, number] | undefined {
  const m = /(^|[^\d])(\d{1,16})(?:\.(\d{1,16}))?(?:\.(\d{1,16}))?(?:$|[^\d])/.exec(version);
  if (!m) return undefined;
  const parts = [m[2]!, m[3] ?? "0", m[4] ?? "0"];
  if (parts.some((p) => !/^(?:0|[1-9]\d*)$/.test(p) || Number(p) > Number.MAX_SAFE_INTEGER)) return undefined;
  return parts.map(Number) as [number, number, number];
}

/** True when `v` is at least `min` (x.y.z); an unknown version counts as the newest. */
export function atLeast(v: HarnessVersion | undefined, min: string): boolean {
  const c = v?.version ? coerceVersion(v.version) : undefined;
  if (c === undefined) return true;
  const floor = min.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (c[i] !== floor[i]) return c[i]! > (floor[i] ?? 0);
  return true;
}

/** `codex=0.98.0,pi=0.73.1` → versions from the command line (bad entries are usage errors upstream). */
export function parseVersionSpec(spec: string, known: readonly string[]): { versions: HarnessVersions; bad: string[] } {
  const versions: HarnessVersions = {};
  const bad: string[] = [];
  for (const part of spec.split(",").map((s) => s.trim()).filter((s) => s !== "")) {
    const [name, value] = part.split("=", 2);
    const v = value ? parseVersionOutput(value) : undefined;
    if (!name || !known.includes(name) || !v) bad.push(part);
    else versions[name as HarnessName] = { version: v, from: "flag" };
  }
  return { versions, bad };
}

/** host.yaml `harness_versions` as versions. */
export function hostVersions(spec: Partial<Record<HarnessName, string>> | undefined): HarnessVersions {
  const out: HarnessVersions = {};
  for (const [h, v] of Object.entries(spec ?? {})) if (v) out[h as HarnessName] = { version: v, from: "host.yaml" };
  return out;
}

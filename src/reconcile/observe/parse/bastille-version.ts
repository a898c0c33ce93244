// Bastille versions as `bastille --version` prints them (usr/local/bin/bastille BASTILLE_VERSION):
// 0.14.20250420, 1.0.20250714, 1.1.0.251001 … 1.3.2.251225, 1.4.0.260219 … 1.4.4; the
// development branch (master, Aug 2026) also says 1.4.4. The fakes model "dev" separately.

export interface BastilleVersion {
  major: number;
  minor: number;
  /** The development branch: uppercase list headers and JSON keys. */
  dev: boolean;
}

/** Parses a version string; "1.4.4-dev" stands for the development branch. */
export function bastilleVersionOf(text: string): BastilleVersion | undefined {
  const m = /^(\d+)\.(\d+)\.[0-9.]+(-dev)?$/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), dev: m[3] !== undefined } : undefined;
}

/** True when `v` is at least major.minor. */
export const atLeast = (v: BastilleVersion, major: number, minor: number) => v.major > major || (v.major === major && v.minor >= minor);

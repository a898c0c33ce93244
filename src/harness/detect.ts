// Reads the installed harness versions: `<binary> --version` for each harness rendered whose version
// was not given (host.yaml `harness_versions` or --harness-version). A binary not on PATH is not run;
// its version is "assumed" (the newest behaviour the readers table knows).
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import type { HarnessName } from "../soul/schema/names.js";
import { type HarnessVersions, parseVersionOutput, VERSION_COMMANDS } from "./versions.js";

/** True when `file` exists and may be executed (a synchronous check: one per PATH folder and harness). */
function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` on `path` (a PATH value), or undefined. */
function onPath(name: string, path: string): string | undefined {
  for (const dir of path.split(delimiter).filter((d) => d !== "")) {
    const file = join(dir, name);
    if (executable(file)) return file;
  }
  return undefined;
}

/** `given` completed with detected (or assumed) versions for `harnesses`. */
export async function detectVersions(harnesses: readonly HarnessName[], given: HarnessVersions, env: Record<string, string | undefined>): Promise<HarnessVersions> {
  const out: HarnessVersions = { ...given };
  await Promise.all(
    harnesses.map(async (h) => {
      const cmd = VERSION_COMMANDS[h];
      if (!cmd || out[h]) return;
      const bin = onPath(cmd, env.PATH ?? "");
      if (!bin) {
        out[h] = { version: undefined, from: "assumed" };
        return;
      }
      const { run } = await import("../exec/run.js");
      const r = await run([bin, "--version"], { reject: false, timeout: 10_000 }).catch(() => undefined);
      const version = r && r.exitCode === 0 ? parseVersionOutput(`${r.stdout}\n${r.stderr}`) : undefined;
      out[h] = version ? { version, from: "detected" } : { version: undefined, from: "assumed" };
    }),
  );
  return out;
}

// Reads the installed harness versions: `<binary> --version` for each harness rendered whose version
// was not given (host.yaml `harness_versions` or --harness-version). A binary not on PATH is not run;
// its version is "assumed" (the newest behaviour the readers table knows). What a binary answered is
// remembered for as long as the file is the same one (path, inode, size, mtime): the daemon renders on
// every push, and `pi --version` alone cost about 0.8 s of each (Pi is a dev dependency, so `npm start`
// has it on PATH).
import { accessSync, constants, statSync } from "node:fs";
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

const answers = new Map<string, Promise<string | undefined>>();

/** `bin --version` parsed, asked once for each state of the file (a replaced binary is asked again). */
function versionOf(bin: string): Promise<string | undefined> {
  let id: string;
  try {
    const st = statSync(bin);
    id = `${bin}\0${st.ino}\0${st.size}\0${st.mtimeMs}`;
  } catch {
    return Promise.resolve(undefined);
  }
  let answer = answers.get(id);
  if (!answer) {
    answer = (async () => {
      const { run } = await import("../exec/run.js");
      const r = await run([bin, "--version"], { reject: false, timeout: 10_000 }).catch(() => undefined);
      return r && r.exitCode === 0 ? parseVersionOutput(`${r.stdout}\n${r.stderr}`) : undefined;
    })();
    answers.set(id, answer);
  }
  return answer;
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
      const version = await versionOf(bin);
      out[h] = version ? { version, from: "detected" } : { version: undefined, from: "assumed" };
    }),
  );
  return out;
}

// Reads the installed harness versions: `<binary> --version` for each harness rendered whose version
// was not given (host.yaml `harness_versions` or --harness-version). A binary not on PATH is not run;
// its version is "assumed" (the newest behaviour the readers table knows). A binary is asked once for
// each state of its file (path, inode, size, mtime): in this process, and across renders through
// what the render manifest recorded (`known`). Asking costs a process start each time — `pi
// --version` about 0.8 s, and Pi is a dev dependency, so `npm start` and `npm run bench` have it on
// PATH — and the daemon renders on every push.
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { HarnessName } from "../soul/schema/names.js";
import { readRenderManifest } from "./observe.js";
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

/** Which file `bin` is now, or undefined when it cannot be read. */
function identity(bin: string): string | undefined {
  try {
    const st = statSync(bin);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** `bin --version` parsed, asked once for each state of the file in this process. */
function versionOf(bin: string, id: string): Promise<string | undefined> {
  const key = `${bin}\0${id}`;
  let answer = answers.get(key);
  if (!answer) {
    answer = (async () => {
      const { run } = await import("../exec/run.js");
      const r = await run([bin, "--version"], { reject: false, timeout: 10_000 }).catch(() => undefined);
      return r && r.exitCode === 0 ? parseVersionOutput(`${r.stdout}\n${r.stderr}`) : undefined;
    })();
    answers.set(key, answer);
  }
  return answer;
}

/**
 * The versions the last render into `home` recorded (none when there is no manifest, or it cannot be
 * read: the render itself reports that).
 */
export async function recordedVersions(home: string): Promise<HarnessVersions> {
  const manifest = await readRenderManifest(home).catch(() => undefined);
  const out: HarnessVersions = {};
  for (const [h, v] of Object.entries(manifest?.versions ?? {})) {
    if (v) out[h as HarnessName] = { version: v.version ?? undefined, from: v.from, ...(v.binary ? { binary: v.binary } : {}) };
  }
  return out;
}

/**
 * `given` completed with detected (or assumed) versions for `harnesses`. `known` is what the last
 * render recorded: a detected version whose binary is still the same file is taken from it.
 */
export async function detectVersions(
  harnesses: readonly HarnessName[],
  given: HarnessVersions,
  env: Record<string, string | undefined>,
  known: HarnessVersions = {},
): Promise<HarnessVersions> {
  const out: HarnessVersions = { ...given };
  await Promise.all(
    harnesses.map(async (h) => {
      const cmd = VERSION_COMMANDS[h];
      if (!cmd || out[h]) return;
      const bin = onPath(cmd, env.PATH ?? "");
      const id = bin === undefined ? undefined : identity(bin);
      if (bin === undefined || id === undefined) {
        out[h] = { version: undefined, from: "assumed" };
        return;
      }
      const before = known[h];
      const same = before?.from === "detected" && before.version !== undefined && before.binary?.path === bin && before.binary.id === id;
      const version = same ? before.version : await versionOf(bin, id);
      out[h] = version ? { version, from: "detected", binary: { path: bin, id } } : { version: undefined, from: "assumed" };
    }),
  );
  return out;
}

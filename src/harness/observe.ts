// Reads what is on disk now: the generated-files manifest and every path a render may touch.
// Synchronous calls: a render looks at some fifty small files, and a thread-pool round trip each
// cost more than the looking (the functions stay async for their callers).
import { type Dirent, lstatSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { environmentError } from "../core/errors.js";
import { observeColibri } from "./colibri/observe.js";
import { sha256 } from "./hash.js";
import { readRenderJournal, recoverManifest } from "./journal.js";
import { manifestPath, parseRenderManifest, RENDER_MANIFEST_NAME } from "./manifest.js";
import { type HarnessPaths, trustBase } from "./paths.js";
import type { Shadow } from "./readers.js";
import type { ObservedFile, RenderState } from "./state.js";

/** lstat of `path`, undefined when it does not exist. */
function lstatOrMissing(path: string) {
  try {
    return lstatSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw environmentError("E_RENDER_READ", `cannot read ${path}: ${code ?? (e as Error).message}`, { path });
  }
}

/** The text of `file`, undefined when it cannot be read. */
function textOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** lstat + hash of one path; symlinks are reported, never followed. */
export async function observeFile(path: string, withText = false): Promise<ObservedFile> {
  const st = lstatOrMissing(path);
  if (!st) return { kind: "missing" };
  if (st.isSymbolicLink()) return { kind: "symlink" };
  if (st.isDirectory()) return { kind: "dir" };
  if (!st.isFile()) return { kind: "other" };
  const data = readFileSync(path);
  const seen: ObservedFile = { kind: "file", sha256: sha256(data), executable: (st.mode & 0o100) !== 0 };
  if (withText) seen.text = data.toString("utf8");
  return seen;
}

/** The manifest under `home`, or undefined when there is none yet. */
export async function readRenderManifest(home: string) {
  const file = join(home, RENDER_MANIFEST_NAME);
  let text: string | undefined;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw environmentError("E_RENDER_READ", `cannot read ${file}: ${code ?? (e as Error).message}`, { file });
  }
  return text === undefined ? undefined : parseRenderManifest(text, file);
}

/** True when a folder between `base` and `path` is a symlink (results cached per folder). */
function viaSymlink(base: string, path: string, cache: Map<string, boolean>): boolean {
  const parts = relative(base, dirname(path)).split(sep).filter((s) => s !== "");
  let dir = base;
  for (const part of parts) {
    dir = join(dir, part);
    let hit = cache.get(dir);
    if (hit === undefined) {
      try {
        hit = lstatSync(dir).isSymbolicLink();
      } catch {
        hit = false;
      }
      cache.set(dir, hit);
    }
    if (hit) return true;
  }
  return false;
}

/** What the manifest says of the database at paths.colibriDb (nothing when it recorded another one). */
const knownDb = (paths: HarnessPaths, m: RenderState["manifest"]) => (m?.colibri && manifestPath(paths.home, m.colibri.db) === paths.colibriDb ? m.colibri : undefined);

/** The database path is checked for symlinked folders only below --out (an operator-given path is trusted). */
const dbViaSymlink = (paths: HarnessPaths) => paths.colibriDb.startsWith(`${paths.home}${sep}`);

/** Names of the subfolders of `dir` that hold a SKILL.md regular file (none when `dir` is missing). */
export async function observeSkillDir(dir: string): Promise<string[]> {
  let entries: Dirent[] = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    // A missing folder lists nothing.
  }
  const isFile = (path: string) => {
    try {
      return lstatSync(path).isFile();
    } catch {
      return false;
    }
  };
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith(".") && isFile(join(dir, e.name, "SKILL.md")))
    .map((e) => e.name)
    .sort();
}

/** Sizes (JavaScript string length) of the files that exist among `files`, by path. */
export async function observeSizes(files: readonly string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const f of files) {
    const text = textOrUndefined(f);
    if (text !== undefined) sizes.set(f, text.length);
  }
  return sizes;
}

export interface ObserveExtras {
  /** Text of these paths is read (Hermes entry files), so Hermes' own entries can be kept. */
  withText?: ReadonlySet<string>;
  /** Skills folders whose skill names are listed (for collisions). */
  skillRoots?: readonly string[];
  /** Files that would shadow a rendered one; those that exist are reported. */
  shadows?: readonly Shadow[];
}

/** Observes the desired paths, everything the manifest lists, skills folders, shadowing files, and Colibri's database when asked. */
export async function observeRender(paths: HarnessPaths, desired: readonly string[], colibri: boolean, extras: ObserveExtras = {}): Promise<RenderState> {
  const withText = extras.withText ?? new Set<string>();
  const manifest = await readRenderManifest(paths.home);
  const journal = await readRenderJournal(paths.home);
  const all = new Set(desired);
  const text = new Set(withText);
  for (const key of Object.keys(journal?.target.files ?? {})) all.add(manifestPath(paths.home, key));
  for (const [key, entry] of Object.entries(manifest?.files ?? {})) {
    all.add(manifestPath(paths.home, key));
    if (entry.entries) text.add(manifestPath(paths.home, key));
  }
  const files = new Map<string, ObservedFile>();
  const cache = new Map<string, boolean>();
  await Promise.all(
    [...all].map(async (p) => {
      const base = trustBase(paths, p);
      if (!base) files.set(p, { kind: "outside" });
      else if (viaSymlink(base, p, cache)) files.set(p, { kind: "via-symlink" });
      else files.set(p, await observeFile(p, text.has(p)));
    }),
  );
  const roots = [...new Set(extras.skillRoots ?? [])];
  const [listed, shadowSeen] = await Promise.all([
    Promise.all(roots.map(async (r) => [r, await observeSkillDir(r)] as const)),
    Promise.all((extras.shadows ?? []).map(async (s) => ((await observeFile(s.path)).kind === "file" ? s : undefined))),
  ]);
  return {
    manifest: journal ? recoverManifest(manifest, journal, paths.home, files) : manifest,
    ...(journal ? { journal } : {}),
    files,
    colibri: colibri ? { ...(await observeColibri(paths.colibriDb, knownDb(paths, manifest))), viaSymlink: dbViaSymlink(paths) && viaSymlink(paths.home, paths.colibriDb, cache) } : undefined,
    shadows: shadowSeen.filter((s): s is Shadow => s !== undefined),
    skillDirs: new Map(listed),
  };
}

// Reads what is on disk now: the generated-files manifest and every path a render may touch.
import { lstat, readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { environmentError } from "../core/errors.js";
import { observeColibri } from "./colibri/observe.js";
import { sha256 } from "./hash.js";
import { readRenderJournal, recoverManifest } from "./journal.js";
import { manifestPath, parseRenderManifest, RENDER_MANIFEST_NAME } from "./manifest.js";
import { type HarnessPaths, trustBase } from "./paths.js";
import type { Shadow } from "./readers.js";
import type { ObservedFile, RenderState } from "./state.js";

/** lstat + hash of one path; symlinks are reported, never followed. */
export async function observeFile(path: string, withText = false): Promise<ObservedFile> {
  const st = await lstat(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT" || e.code === "ENOTDIR") return undefined;
    throw environmentError("E_RENDER_READ", `cannot read ${path}: ${e.code ?? e.message}`, { path });
  });
  if (!st) return { kind: "missing" };
  if (st.isSymbolicLink()) return { kind: "symlink" };
  if (st.isDirectory()) return { kind: "dir" };
  if (!st.isFile()) return { kind: "other" };
  const data = await readFile(path);
  const seen: ObservedFile = { kind: "file", sha256: sha256(data), executable: (st.mode & 0o100) !== 0 };
  if (withText) seen.text = data.toString("utf8");
  return seen;
}

/** The manifest under `home`, or undefined when there is none yet. */
export async function readRenderManifest(home: string) {
  const file = join(home, RENDER_MANIFEST_NAME);
  const text = await readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return undefined;
    throw environmentError("E_RENDER_READ", `cannot read ${file}: ${e.code ?? e.message}`, { file });
  });
  return text === undefined ? undefined : parseRenderManifest(text, file);
}

/** True when a folder between `base` and `path` is a symlink (results cached per folder). */
async function viaSymlink(base: string, path: string, cache: Map<string, Promise<boolean>>): Promise<boolean> {
  const parts = relative(base, dirname(path)).split(sep).filter((s) => s !== "");
  let dir = base;
  for (const part of parts) {
    dir = join(dir, part);
    let hit = cache.get(dir);
    if (!hit) {
      hit = lstat(dir).then(
        (st) => st.isSymbolicLink(),
        () => false,
      );
      cache.set(dir, hit);
    }
    if (await hit) return true;
  }
  return false;
}

/** What the manifest says of the database at paths.colibriDb (nothing when it recorded another one). */
const knownDb = (paths: HarnessPaths, m: RenderState["manifest"]) => (m?.colibri && manifestPath(paths.home, m.colibri.db) === paths.colibriDb ? m.colibri : undefined);

/** The database path is checked for symlinked folders only below --out (an operator-given path is trusted). */
const dbViaSymlink = (paths: HarnessPaths) => paths.colibriDb.startsWith(`${paths.home}${sep}`);

/** Names of the subfolders of `dir` that hold a SKILL.md regular file (none when `dir` is missing). */
export async function observeSkillDir(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = await Promise.all(
    entries
      .filter((e) => e.isDirectory() && !e.name.startsWith("."))
      .map(async (e) => ((await lstat(join(dir, e.name, "SKILL.md")).catch(() => undefined))?.isFile() ? e.name : undefined)),
  );
  return names.filter((n): n is string => n !== undefined).sort();
}

/** Sizes (JavaScript string length) of the files that exist among `files`, by path. */
export async function observeSizes(files: readonly string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  await Promise.all(
    files.map(async (f) => {
      const text = await readFile(f, "utf8").catch(() => undefined);
      if (text !== undefined) sizes.set(f, text.length);
    }),
  );
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
  const cache = new Map<string, Promise<boolean>>();
  await Promise.all(
    [...all].map(async (p) => {
      const base = trustBase(paths, p);
      if (!base) files.set(p, { kind: "outside" });
      else if (await viaSymlink(base, p, cache)) files.set(p, { kind: "via-symlink" });
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
    colibri: colibri ? { ...(await observeColibri(paths.colibriDb, knownDb(paths, manifest))), viaSymlink: dbViaSymlink(paths) && (await viaSymlink(paths.home, paths.colibriDb, cache)) } : undefined,
    shadows: shadowSeen.filter((s): s is Shadow => s !== undefined),
    skillDirs: new Map(listed),
  };
}

// Reads what is on disk now: the generated-files manifest and every path a render may touch.
import { lstat, readFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { environmentError } from "../core/errors.js";
import { observeColibri } from "./colibri/observe.js";
import { sha256 } from "./hash.js";
import { readRenderJournal, recoverManifest } from "./journal.js";
import { manifestPath, parseRenderManifest, RENDER_MANIFEST_NAME } from "./manifest.js";
import { type HarnessPaths, trustBase } from "./paths.js";
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

/** The database path is checked for symlinked folders only below --out (an operator-given path is trusted). */
const dbViaSymlink = (paths: HarnessPaths) => paths.colibriDb.startsWith(`${paths.home}${sep}`);

/** Observes the desired paths (reading the text of `withText`), everything the manifest lists, and Colibri's database when asked. */
export async function observeRender(
  paths: HarnessPaths,
  desired: readonly string[],
  colibri: boolean,
  withText: ReadonlySet<string> = new Set(),
): Promise<RenderState> {
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
  const overridePath = join(paths.codexHome, "AGENTS.override.md");
  const override = await observeFile(overridePath);
  return {
    manifest: journal ? recoverManifest(manifest, journal, paths.home, files) : manifest,
    ...(journal ? { journal } : {}),
    files,
    colibri: colibri ? { ...(await observeColibri(paths.colibriDb)), viaSymlink: dbViaSymlink(paths) && (await viaSymlink(paths.home, paths.colibriDb, cache)) } : undefined,
    codexOverride: override.kind === "file" ? overridePath : undefined,
  };
}

// The render journal, <out>/.soulsync-render.journal.json: the manifest a render is about to
// reach, written before its first file changes and removed once the manifest is written. A
// render killed in between (SIGKILL, power loss, disk full) leaves it behind, and the next
// render learns from it which of the files on disk are its own new output, so it completes the
// job instead of taking them for files someone changed (E_RENDER_MODIFIED, stuck for good).
import { readFile, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { manifestPath, parseRenderManifest, type RenderManifest, serializeRenderManifest } from "./manifest.js";
import type { ObservedFile } from "./state.js";

export const RENDER_JOURNAL_NAME = ".soulsync-render.journal.json";

export interface RenderJournal {
  /** The process that wrote it: its temp files are `.<name>.soulsync-tmp-<pid>`. */
  pid: number;
  target: RenderManifest;
}

/** The journal's text (pure). */
export function serializeRenderJournal(target: RenderManifest, pid: number): string {
  return `${JSON.stringify({ pid, target: JSON.parse(serializeRenderManifest(target)) }, null, 2)}\n`;
}

/** The journal under `home`; undefined when there is none, or it cannot be read as one (then it says nothing). */
export async function readRenderJournal(home: string): Promise<RenderJournal | undefined> {
  const file = join(home, RENDER_JOURNAL_NAME);
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const json = JSON.parse(text) as { pid?: unknown; target?: unknown };
    const pid = typeof json.pid === "number" && Number.isInteger(json.pid) ? json.pid : 0;
    return { pid, target: parseRenderManifest(JSON.stringify(json.target), file) };
  } catch {
    return undefined;
  }
}

/**
 * The manifest as the interrupted render left the disk (pure): a file the journal meant to write
 * that is on disk with exactly the journal's hash is soulsync's, as written; one the render meant
 * to drop that is gone is dropped. Everything else keeps what the manifest says.
 */
export function recoverManifest(manifest: RenderManifest | undefined, journal: RenderJournal, home: string, files: ReadonlyMap<string, ObservedFile>): RenderManifest {
  const m: RenderManifest = structuredClone(manifest ?? { ...journal.target, files: {} });
  for (const [key, entry] of Object.entries(journal.target.files)) {
    const seen = files.get(manifestPath(home, key));
    if (seen?.kind === "file" && seen.sha256 === entry.sha256) m.files[key] = entry;
  }
  for (const key of Object.keys(m.files)) {
    if (journal.target.files[key] === undefined && files.get(manifestPath(home, key))?.kind === "missing") delete m.files[key];
  }
  return m;
}

/** Paths the interrupted render may have left half-written under temp names (its manifest and every file it meant to write). */
export function journalLeftovers(home: string, journal: RenderJournal): string[] {
  const keys = [...Object.keys(journal.target.files), ".soulsync-render.json", RENDER_JOURNAL_NAME];
  return keys.map((k) => {
    const abs = manifestPath(home, k);
    return join(dirname(abs), `.${basename(abs)}.soulsync-tmp-${journal.pid}`);
  });
}

/** Removes the journal and the temp files its render left; missing ones are fine. */
export async function clearRenderJournal(home: string, journal: RenderJournal | undefined): Promise<void> {
  const paths = journal ? journalLeftovers(home, journal) : [];
  for (const p of [...paths, join(home, RENDER_JOURNAL_NAME)]) await unlink(p).catch(() => undefined);
}

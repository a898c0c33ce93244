// Applies a render plan: journal, backups, atomic writes, removals, Colibri, then the manifest,
// then the journal is removed. The manifest is written even when an action fails part-way,
// recording exactly what was done; when the process dies before that (SIGKILL, power loss), the
// journal tells the next render which files on disk are its own (see journal.ts).
import { chmod, mkdir, readdir, rename, rmdir, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { environmentError, SoulsyncError } from "../core/errors.js";
import { changesDisk, type RenderAction, type RenderPlan } from "./actions.js";
import { applyColibri } from "./colibri/apply.js";
import { testPause } from "../core/test-pause.js";
import { joinEntries } from "./entries.js";
import { clearRenderJournal, RENDER_JOURNAL_NAME, type RenderJournal, serializeRenderJournal } from "./journal.js";
import { emptyManifest, manifestPath, RENDER_MANIFEST_NAME, type RenderManifest, serializeRenderManifest } from "./manifest.js";
import type { HarnessPaths } from "./paths.js";
import type { SoulRender } from "./render.js";
import type { RenderedFile } from "./types.js";

/** Writes `data` to a temp file beside `path`, then renames it into place. */
export async function writeAtomic(path: string, data: Uint8Array | string, executable = false): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.soulsync-tmp-${process.pid}`);
  await writeFile(tmp, data);
  await chmod(tmp, executable ? 0o755 : 0o644);
  await rename(tmp, path);
}

/** Removes empty directories from `dir` upwards, stopping at any of `roots`. */
async function pruneEmpty(dir: string, roots: ReadonlySet<string>): Promise<void> {
  let d = dir;
  while (!roots.has(d) && d !== dirname(d)) {
    const left = await readdir(d).catch(() => ["?"]);
    if (left.length > 0) return;
    await rmdir(d).catch(() => undefined);
    d = dirname(d);
  }
}

/** One file action: backup first when asked, then write (atomically) or remove. */
async function applyFileAction(a: RenderAction, abs: string, home: string, files: Map<string, RenderedFile>, roots: ReadonlySet<string>): Promise<void> {
  if ((a.kind === "file.write" || a.kind === "file.remove") && a.backup) await rename(abs, manifestPath(home, a.backup));
  if (a.kind === "file.write") {
    const f = files.get(abs);
    if (a.keep) await writeAtomic(abs, joinEntries([...(f?.entries ?? []), ...a.keep]));
    else await writeAtomic(abs, f!.content, f!.executable);
  } else if (a.kind === "file.remove") {
    if (!a.backup) await unlink(abs).catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? undefined : Promise.reject(e)));
    await pruneEmpty(dirname(abs), roots);
  }
}

/** What the manifest should say after the actions in `done` (on failure, a subset of the plan). */
function manifestAfter(plan: RenderPlan, previous: RenderManifest | undefined, done: readonly RenderAction[], colibriDone: boolean): RenderManifest {
  if (done.length === plan.actions.length) return plan.manifest;
  const m: RenderManifest = structuredClone(previous ?? emptyManifest(plan.manifest.agent));
  for (const a of done) {
    if (a.kind === "file.write" || a.kind === "file.adopt") {
      const entry = plan.manifest.files[a.path];
      if (entry) m.files[a.path] = entry;
      else delete m.files[a.path];
    }
    if (a.kind === "file.remove") delete m.files[a.path];
  }
  if (colibriDone) {
    if (plan.manifest.colibri) m.colibri = plan.manifest.colibri;
    else delete m.colibri;
  }
  return m;
}

/** Runs every action of `plan`; refuses a plan that still has conflicts. `journal`: the one an interrupted render left (cleared at the end). */
export async function applyRenderPlan(
  plan: RenderPlan,
  render: SoulRender,
  paths: HarnessPaths,
  previous: RenderManifest | undefined,
  journal?: RenderJournal,
): Promise<RenderAction[]> {
  if (plan.conflicts.some((p) => p.severity === "error")) {
    throw new SoulsyncError("E_RENDER_CONFLICT", "the plan has conflicts; nothing was changed", { kind: "internal" });
  }
  const files = new Map<string, RenderedFile>();
  for (const h of render.harnesses) for (const f of h.files) files.set(f.path, f);
  const roots = new Set([paths.home, paths.piAgent, paths.hermesHome, paths.codexHome, paths.agentsSkills, paths.claudeConfig, paths.openclawWorkspace]);
  const done: RenderAction[] = [];
  let colibriDone = false;
  const writes = plan.actions.some(changesDisk);
  // Before the first change: what the manifest will say, so a crash part-way can be completed.
  if (writes) await writeOrFail(join(plan.home, RENDER_JOURNAL_NAME), serializeRenderJournal(plan.manifest, process.pid));
  try {
    for (const a of plan.actions) {
      if (a.kind === "colibri.upsert" || a.kind === "colibri.delete") continue;
      const abs = manifestPath(plan.home, a.path);
      await applyFileAction(a, abs, plan.home, files, roots).catch((e: NodeJS.ErrnoException) => {
        throw environmentError("E_RENDER_WRITE", `cannot ${a.kind === "file.remove" ? "remove" : "write"} ${a.path}: ${e.code ?? e.message}`, { path: abs }, e);
      });
      done.push(a);
      testPause("render.file");
    }
    const colibri = plan.actions.filter((a) => a.kind === "colibri.upsert" || a.kind === "colibri.delete");
    if (colibri.length > 0) {
      const rows = render.harnesses.find((h) => h.harness === "colibri")?.colibri ?? [];
      const backup = plan.colibriBackup ? manifestPath(plan.home, plan.colibriBackup) : undefined;
      const written = await applyColibri(paths.colibriDb, colibri, rows, backup).catch((e: Error) => {
        throw e instanceof SoulsyncError ? e : environmentError("E_COLIBRI_DB", `cannot update ${paths.colibriDb}: ${e.message}`, { file: paths.colibriDb }, e);
      });
      if (written && plan.manifest.colibri) Object.assign(plan.manifest.colibri, { dbSha256: written.sha256, others: written.others });
    }
    done.push(...colibri);
    colibriDone = true;
  } finally {
    testPause("render.manifest");
    const m = manifestAfter(plan, previous, done, colibriDone);
    const text = serializeRenderManifest(m);
    const before = previous ? serializeRenderManifest(previous) : undefined;
    // After a recovery `previous` is the recovered manifest, not the file's text: write it anyway.
    if (text !== before || journal) await writeOrFail(join(plan.home, RENDER_MANIFEST_NAME), text);
    // Only once the manifest says everything the journal did.
    if (writes || journal) await clearRenderJournal(plan.home, journal);
  }
  return done;
}

/** writeAtomic, failing as E_RENDER_WRITE (a full disk, a read-only home). */
async function writeOrFail(path: string, text: string): Promise<void> {
  await writeAtomic(path, text).catch((e: NodeJS.ErrnoException) => {
    throw environmentError("E_RENDER_WRITE", `cannot write ${path}: ${e.code ?? e.message}`, { path }, e);
  });
}

// Plans a render (pure): desired files and rows against what is on disk and in the manifest.
// Never plans to overwrite or remove a file soulsync did not write, or one changed since it was
// written; with --force such a file is backed up first.
import { errorAt, type Problem, warningAt } from "../core/problem.js";
import type { HarnessName } from "../soul/schema/names.js";
import { RENDER_PLAN_VERSION, type RenderAction, type RenderPlan } from "./actions.js";
import { planColibri } from "./colibri/plan.js";
import { emptyManifest, type ManifestFile, manifestKey, manifestPath, RENDER_MANIFEST_NAME, type RenderManifest } from "./manifest.js";
import { HARNESS_BUDGETS, HARNESS_LABEL } from "./budget.js";
import { addedEntries, entriesSize, joinEntries } from "./entries.js";
import { sha256 } from "./hash.js";
import type { SoulRender } from "./render.js";
import type { ObservedFile, RenderState } from "./state.js";
import type { RenderedFile } from "./types.js";
import type { HarnessVersions } from "./versions.js";

export interface PlanInput {
  home: string;
  agent: string;
  revision: string;
  render: SoulRender;
  state: RenderState;
  force: boolean;
  /** Versions rendered for, recorded in the manifest for the harnesses rendered. */
  versions?: HarnessVersions;
}

/** Where a file found in the way is moved: beside it, named by its own hash (so never clobbered). */
export const backupPath = (key: string, hash: string | undefined): string => `${key}.soulsync-backup-${(hash ?? "0").slice(0, 12)}`;

const VIA_SYMLINK =
  "a folder on the way to this path is a symlink; soulsync does not write through links it did not make (point the harness's *_HOME/*_DIR variable at the real folder)";

export function planRender(input: PlanInput): RenderPlan {
  const { home, state, force } = input;
  const old = state.manifest;
  const manifest: RenderManifest = structuredClone(old ?? emptyManifest(input.agent));
  manifest.agent = input.agent;
  recordVersions(manifest, input);
  const actions: RenderAction[] = [];
  const conflicts: Problem[] = [];
  if (old && old.agent !== input.agent && Object.keys(old.files).length > 0 && !force) {
    conflicts.push(
      errorAt(RENDER_MANIFEST_NAME, "E_RENDER_OTHER_AGENT", `this home holds the render of agent "${old.agent}", not "${input.agent}" (use --force to take it over)`),
    );
  }
  const desired = new Map<string, RenderedFile>();
  for (const h of input.render.harnesses) for (const f of h.files) desired.set(manifestKey(home, f.path), f);

  for (const [key, file] of [...desired].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const seen = state.files.get(file.path) ?? { kind: "missing" };
    const recorded = old?.files[key];
    const entry: ManifestFile = { harness: file.harness, sha256: sha256(file.content), executable: file.executable, revision: input.revision, sources: file.sources };
    if (file.entries) entry.entries = file.entries.map((e) => sha256(e));
    const merge = planMerge(key, file, seen, recorded, conflicts);
    if (merge === "conflict") continue;
    if (merge) {
      entry.sha256 = merge.sha256;
      if (merge.action) actions.push(merge.action);
      manifest.files[key] = entry;
      continue;
    }
    const write = planWrite(key, file, entry.sha256, seen, recorded, force, conflicts);
    if (write === "conflict") continue;
    if (write) actions.push(write);
    manifest.files[key] = entry;
  }

  planStale(input, desired, manifest, actions, conflicts);

  for (const s of state.shadows) {
    const h = input.render.harnesses.find((r) => r.harness === s.harness);
    if (!h?.enabled) continue;
    const code = s.harness === "codex" ? "W_CODEX_OVERRIDE" : "W_RENDER_SHADOWED";
    conflicts.push(warningAt(manifestKey(home, s.path), code, `${HARNESS_LABEL[s.harness]} reads this file instead of the rendered ${manifestKey(home, s.replaces)} while it exists`));
  }
  const colibri = planColibri(input, manifest, conflicts);
  actions.push(...colibri.actions);
  return {
    version: RENDER_PLAN_VERSION,
    home,
    revision: input.revision,
    actions,
    conflicts,
    ...(colibri.backup ? { colibriBackup: colibri.backup } : {}),
    manifest,
  };
}

/** The manifest's `versions`: kept for harnesses not rendered now, replaced for those rendered. */
function recordVersions(manifest: RenderManifest, input: PlanInput): void {
  const versions = { ...(manifest.versions ?? {}) };
  for (const h of input.render.harnesses) {
    const v = input.versions?.[h.harness];
    if (h.enabled && h.harness !== "colibri") versions[h.harness] = { version: v?.version ?? null, from: v?.from ?? "assumed", ...(v?.binary ? { binary: v.binary } : {}) };
    else delete versions[h.harness];
  }
  if (Object.keys(versions).length > 0) manifest.versions = versions;
  else delete manifest.versions;
}

/** Generated files no longer wanted, for the harnesses being rendered: remove what is still soulsync's. */
function planStale(input: PlanInput, desired: ReadonlyMap<string, RenderedFile>, manifest: RenderManifest, actions: RenderAction[], conflicts: Problem[]): void {
  const { home, state, force } = input;
  const rendered = new Set<HarnessName>(input.render.harnesses.map((h) => h.harness));
  for (const [key, entry] of Object.entries(input.state.manifest?.files ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!rendered.has(entry.harness) || desired.has(key)) continue;
    const enabled = input.render.harnesses.find((h) => h.harness === entry.harness)?.enabled ?? true;
    const seen = state.files.get(manifestPath(home, key)) ?? { kind: "missing" };
    if (seen.kind === "missing" || seen.kind === "outside") {
      // A manifest entry outside every harness home was not written by this code: never act on it.
      if (seen.kind === "outside") conflicts.push(warningAt(key, "W_RENDER_MANIFEST_OUTSIDE", "listed in the manifest but outside every harness home; left alone and dropped from the manifest"));
      delete manifest.files[key];
      continue;
    }
    if (seen.kind === "via-symlink") {
      conflicts.push(errorAt(key, "E_RENDER_SYMLINK", VIA_SYMLINK));
      continue;
    }
    const ours = seen.kind === "file" && seen.sha256 === entry.sha256;
    const kept = entry.entries && seen.text !== undefined ? addedEntries(seen.text, [], entry.entries) : undefined;
    if (kept && !ours) {
      // A Hermes USER.md no longer wanted: drop soulsync's entries, leave Hermes' own to Hermes.
      delete manifest.files[key];
      if (kept.length === 0) actions.push({ kind: "file.remove", harness: entry.harness, path: key, reason: enabled ? "stale" : "disabled" });
      else actions.push({ kind: "file.write", harness: entry.harness, path: key, reason: "merged", sha256: sha256(joinEntries(kept)), keep: kept });
      continue;
    }
    if (!ours && !force) {
      conflicts.push(errorAt(key, "E_RENDER_MODIFIED", `stale generated file was changed since soulsync wrote it; left in place (use --force to back it up and remove it)`));
      continue;
    }
    delete manifest.files[key];
    if (!ours && seen.kind !== "file" && seen.kind !== "symlink") continue;
    actions.push({ kind: "file.remove", harness: entry.harness, path: key, reason: enabled ? "stale" : "disabled", ...(ours ? {} : { backup: backupPath(key, seen.sha256) }) });
  }
}

/**
 * A generated Hermes USER.md: the rendered entries first, then every entry Hermes added since
 * (no action when the file already reads so). Undefined when this does not apply (not an entry
 * file, never written by soulsync, or not a regular file).
 */
function planMerge(
  key: string,
  file: RenderedFile,
  seen: ObservedFile,
  recorded: ManifestFile | undefined,
  conflicts: Problem[],
): { sha256: string; action?: RenderAction } | "conflict" | undefined {
  if (!file.entries || !recorded?.entries || seen.kind !== "file" || seen.text === undefined) return undefined;
  // Every entry on disk that is not soulsync's is kept, so rewriting never loses Hermes' notes.
  const keep = addedEntries(seen.text, file.entries, recorded.entries);
  const all = [...file.entries, ...keep];
  const size = entriesSize(all);
  if (!size.fits) {
    const over = size.chars - HARNESS_BUDGETS.hermesUserChars;
    conflicts.push(
      errorAt(key, "E_RENDER_BUDGET", `with the ${keep.length} entries Hermes added since, the user profile would have ${size.chars} characters, ${over} over Hermes' cap of ${HARNESS_BUDGETS.hermesUserChars}; shorten USER.md in the soul or let Hermes consolidate`),
    );
    return "conflict";
  }
  const hash = sha256(joinEntries(all));
  if (hash === seen.sha256 && seen.executable === file.executable) return { sha256: hash };
  const reason = keep.length > 0 ? "merged" : "stale";
  return { sha256: hash, action: { kind: "file.write", harness: file.harness, path: key, reason, sha256: hash, ...(keep.length > 0 ? { keep } : {}) } };
}

/** The action for one desired file, undefined when it is in place, or "conflict". */
function planWrite(
  key: string,
  file: RenderedFile,
  hash: string,
  seen: ObservedFile,
  recorded: ManifestFile | undefined,
  force: boolean,
  conflicts: Problem[],
): RenderAction | undefined | "conflict" {
  const base = { kind: "file.write" as const, harness: file.harness, path: key, sha256: hash };
  if (seen.kind === "missing") return { ...base, reason: "missing" };
  if (seen.kind === "via-symlink" || seen.kind === "outside") {
    conflicts.push(errorAt(key, "E_RENDER_SYMLINK", VIA_SYMLINK));
    return "conflict";
  }
  if (seen.kind === "dir" || seen.kind === "other") {
    conflicts.push(errorAt(key, "E_RENDER_NOT_FILE", `a ${seen.kind === "dir" ? "directory" : "special file"} is in the way; soulsync only writes regular files`));
    return "conflict";
  }
  const same = seen.kind === "file" && seen.sha256 === hash;
  if (same && seen.executable === file.executable) return recorded?.sha256 === hash ? undefined : { kind: "file.adopt", harness: file.harness, path: key, sha256: hash };
  if (same) return { ...base, reason: "mode" };
  const ours = recorded !== undefined && seen.kind === "file" && seen.sha256 === recorded.sha256;
  if (ours) return { ...base, reason: "stale" };
  const reason = recorded ? "modified" : "foreign";
  if (!force) {
    const what = recorded ? "was changed since soulsync wrote it" : seen.kind === "symlink" ? "is a symlink soulsync did not make" : "was not written by soulsync";
    conflicts.push(errorAt(key, reason === "foreign" ? "E_RENDER_FOREIGN" : "E_RENDER_MODIFIED", `${what}; left alone (use --force to back it up and replace it)`));
    return "conflict";
  }
  return { ...base, reason, backup: backupPath(key, seen.sha256) };
}

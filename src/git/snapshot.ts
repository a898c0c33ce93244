// Immutable snapshots: <state_dir>/snapshots/<sha>/ holds one commit's tree, byte for byte as
// committed (read-tree + checkout-index with every conversion switched off in the mirror's
// info/attributes; measured faster than git archive | tar), exported under a temp name and
// renamed into place, then never written again. A temp left by a crash is never
// published and is removed on the next start.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { makeReadOnly, removeTree } from "./fs-util.js";
import { git } from "./git-run.js";
import { ensureMirrorAttributes } from "./mirror.js";

const SHA = /^[0-9a-f]{40}$/;
export const TEMP_PREFIX = ".tmp-";

/** <state_dir>/snapshots (pure). */
export function snapshotsDir(stateDir: string): string {
  return join(stateDir, "snapshots");
}

/** <state_dir>/snapshots/<sha> (pure). */
export function snapshotDir(stateDir: string, commit: string): string {
  return join(snapshotsDir(stateDir), commit);
}

/** True when the complete snapshot of `commit` exists. */
export async function hasSnapshot(stateDir: string, commit: string): Promise<boolean> {
  return stat(snapshotDir(stateDir, commit)).then((s) => s.isDirectory(), () => false);
}

/** Exports `commit` from `mirror` into snapshots/<commit>/ unless it is there; returns its path and whether it was made now. */
export async function exportSnapshot(stateDir: string, mirror: string, commit: string): Promise<{ dir: string; created: boolean }> {
  const dir = snapshotDir(stateDir, commit);
  if (await hasSnapshot(stateDir, commit)) return { dir, created: false };
  const root = snapshotsDir(stateDir);
  await mkdir(root, { recursive: true });
  const tmp = join(root, `${TEMP_PREFIX}${commit}-${randomBytes(4).toString("hex")}`);
  // A private index next to the temp tree: the mirror itself is never given a worktree or an index.
  const call = { gitDir: mirror, env: { GIT_INDEX_FILE: `${tmp}.index` }, config: [["core.symlinks", "true"]] as [string, string][] };
  try {
    await ensureMirrorAttributes(mirror);
    await mkdir(tmp);
    // Two processes, not `read-tree -u`: that one reports a full disk as "unable to write file"
    // without the reason, and checkout-index says "No space left on device".
    await git(["--work-tree", tmp, "read-tree", commit], call);
    await git(["--work-tree", tmp, "checkout-index", "--all", "--force"], call);
    await makeReadOnly(tmp);
    await rename(tmp, dir);
    return { dir, created: true };
  } catch (e) {
    await removeTree(tmp);
    // Another run finished the same snapshot first: theirs is as good as ours.
    if (await hasSnapshot(stateDir, commit)) return { dir, created: false };
    throw e;
  } finally {
    await rm(`${tmp}.index`, { force: true });
  }
}

/** Removes half-written snapshots left by an interrupted run. */
export async function cleanTempSnapshots(stateDir: string): Promise<string[]> {
  const names = await readdir(snapshotsDir(stateDir)).catch(() => []);
  const temps = names.filter((n) => n.startsWith(TEMP_PREFIX));
  for (const n of temps) await removeTree(join(snapshotsDir(stateDir), n));
  return temps;
}

/** The commits that have a complete snapshot. */
export async function listSnapshots(stateDir: string): Promise<string[]> {
  const names = await readdir(snapshotsDir(stateDir)).catch(() => []);
  return names.filter((n) => SHA.test(n)).sort();
}

/** Deletes one snapshot (GC, or a revision refused before publish). */
export async function removeSnapshot(stateDir: string, commit: string): Promise<void> {
  if (!SHA.test(commit)) return;
  await removeTree(snapshotDir(stateDir, commit));
}

// Publish = one atomic rename: a new symlink is written under a temp name next to
// <state_dir>/<agent>/<source>/current and renamed over it, so readers see the old or the new tree.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readlink, rename, rm, symlink } from "node:fs/promises";
import { basename, join } from "node:path";

/** <state_dir>/<agent>/<source> (pure). */
export function publishDir(stateDir: string, agent: string, source: string): string {
  return join(stateDir, agent, source);
}

/** <state_dir>/<agent>/<source>/current (pure). */
export function currentLink(stateDir: string, agent: string, source: string): string {
  return join(publishDir(stateDir, agent, source), "current");
}

/** Points `current` at snapshots/<commit> atomically. */
export async function publishSnapshot(stateDir: string, agent: string, source: string, commit: string): Promise<void> {
  const dir = publishDir(stateDir, agent, source);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.current.tmp-${randomBytes(4).toString("hex")}`);
  // Relative, so the state directory can be moved or mounted elsewhere as a whole.
  await symlink(join("..", "..", "snapshots", commit), tmp);
  try {
    await rename(tmp, join(dir, "current"));
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** The commit `current` points at, or undefined when nothing is published. */
export async function readPublished(stateDir: string, agent: string, source: string): Promise<string | undefined> {
  const target = await readlink(currentLink(stateDir, agent, source)).catch(() => undefined);
  if (!target) return undefined;
  const name = basename(target);
  return /^[0-9a-f]{40}$/.test(name) ? name : undefined;
}

/** Removes temp links left by an interrupted publish. */
export async function cleanTempLinks(stateDir: string, agent: string, source: string): Promise<void> {
  const dir = publishDir(stateDir, agent, source);
  for (const n of await readdir(dir).catch(() => [])) if (n.startsWith(".current.tmp-")) await rm(join(dir, n), { force: true });
}

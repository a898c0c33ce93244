// The cheap change check for origins on this host's filesystem: compare the origin's refs with the
// mirror's by reading ref files, with no process at all; only a difference costs a fetch.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { Origin } from "./origin.js";
import { type RefMap, readLocalRefs, sameRefs } from "./refs.js";

/** The git dir of a local repository path (bare, or with a .git directory). */
export async function localGitDir(path: string): Promise<string> {
  const dotGit = join(path, ".git");
  return (await stat(dotGit).then((s) => s.isDirectory(), () => false)) ? dotGit : path;
}

/** The mirror's refs when a local origin has exactly the same refs (no fetch needed), else undefined. */
export async function unchangedLocalRefs(origin: Origin, mirror: string): Promise<RefMap | undefined> {
  if (!origin.localPath) return undefined;
  const [theirs, ours] = await Promise.all([localGitDir(origin.localPath).then(readLocalRefs), readLocalRefs(mirror)]);
  return theirs.size > 0 && sameRefs(theirs, ours) ? ours : undefined;
}

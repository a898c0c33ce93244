// A soul kept as a plain directory (the quick start's examples/souls/atlas, a soul being drafted):
// its content is recorded as a commit in the source's mirror, deterministically (fixed identity
// and date, no parent), so the same content is the same revision `dir@sha1:<commit>` and the
// rest of the pipeline — snapshot, validate, scan, publish — is the git one.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { SoulsyncError } from "../core/errors.js";
import { unrecordableProblems } from "../soul/gate.js";
import { readTreeFromDir } from "../soul/tree/read-dir.js";
import { git } from "./git-run.js";

const IDENTITY = {
  GIT_AUTHOR_NAME: "soulsync",
  GIT_AUTHOR_EMAIL: "soulsync@localhost",
  GIT_AUTHOR_DATE: "@0 +0000",
  GIT_COMMITTER_NAME: "soulsync",
  GIT_COMMITTER_EMAIL: "soulsync@localhost",
  GIT_COMMITTER_DATE: "@0 +0000",
};

/** The ref name a directory source's revision carries. */
export const DIR_REF = "dir";

/** True when a local path is a directory that is not a git repository (neither bare nor with .git). */
export async function isPlainDirectory(path: string): Promise<boolean> {
  const is = (p: string) => stat(p).then(() => true, () => false);
  if (!(await stat(path).then((s) => s.isDirectory(), () => false))) return false;
  if (await is(join(path, ".git"))) return false;
  return !((await is(join(path, "HEAD"))) && (await is(join(path, "objects"))));
}

/** Records the directory's content (its own .gitignore honoured) as a commit in `mirror`; returns the commit. */
export async function importDirectory(mirror: string, dir: string): Promise<string> {
  await refuseUnrecordable(dir);
  // A private index kept in the mirror: unchanged files are recognised by stat, not re-hashed.
  const call = { gitDir: mirror, env: { ...IDENTITY, GIT_INDEX_FILE: join(mirror, "soulsync-dir.index") }, config: [["core.excludesFile", "/dev/null"]] as [string, string][] };
  await git(["--work-tree", dir, "add", "--all", "--", "."], call);
  const tree = (await git(["write-tree"], call)).stdout.trim();
  const commit = (await git(["commit-tree", "-m", "soulsync: directory content", tree], call)).stdout.trim();
  await git(["update-ref", `refs/soulsync/${DIR_REF}`, commit], call);
  return commit;
}

/**
 * `git add` silently leaves out FIFOs, sockets and devices, so a directory whose AGENTS.md is a
 * character device would be published without it although `validate` refuses it: read the
 * directory through the untrusted reader first (names only, no contents) and refuse what git
 * would not record.
 */
async function refuseUnrecordable(dir: string): Promise<void> {
  const problems = unrecordableProblems(await readTreeFromDir(dir, 0));
  const first = problems[0];
  if (!first) return;
  throw new SoulsyncError(first.code, `${dir} refused: ${problems.length} problem${problems.length === 1 ? "" : "s"}, first ${first.file}: ${first.code} ${first.message}`, {
    kind: "input",
    data: { problems },
  });
}

// Reads the tree of one commit in process with isomorphic-git: no checkout, no worktree.
import * as fs from "node:fs";
import git from "isomorphic-git";
import { environmentError, inputError } from "../../core/errors.js";
import { DEFAULT_LIMITS } from "../limits.js";
import { READ_LIMIT_BYTES, type SoulTree, type TreeEntry, WALK_LIMITS } from "./types.js";

/** Finds the git directory of a repo path (bare or with a worktree). */
function gitdirOf(repo: string): string {
  if (fs.existsSync(`${repo}/.git`)) {
    const st = fs.statSync(`${repo}/.git`);
    if (st.isDirectory()) return `${repo}/.git`;
    // A linked worktree or submodule: ".git" is a file pointing at the real gitdir.
    const m = /^gitdir: (.+)$/m.exec(fs.readFileSync(`${repo}/.git`, "utf8"));
    if (m?.[1]) return m[1].trim();
  }
  if (fs.existsSync(`${repo}/HEAD`) && fs.existsSync(`${repo}/objects`)) return repo;
  throw environmentError("E_GIT_REPO", `${repo} is not a git repository`, { repo });
}

/** Resolves a branch, tag, full or abbreviated SHA, or HEAD to a commit id (tags peeled). */
export async function resolveCommit(repo: string, rev: string): Promise<{ gitdir: string; oid: string }> {
  const gitdir = gitdirOf(repo);
  let oid: string | undefined;
  for (const ref of [rev, `refs/tags/${rev}`, `refs/heads/${rev}`]) {
    oid = await git.resolveRef({ fs, gitdir, ref }).catch(() => undefined);
    if (oid) break;
  }
  if (!oid && /^[0-9a-f]{4,40}$/i.test(rev)) {
    oid = await git.expandOid({ fs, gitdir, oid: rev.toLowerCase() }).catch(() => undefined);
  }
  if (!oid) throw inputError("E_GIT_REV", `revision ${rev} not found in ${repo}`, { repo, rev });
  for (let depth = 0; depth < 10; depth++) {
    const obj = await git.readObject({ fs, gitdir, oid, format: "parsed" });
    if (obj.type === "commit") return { gitdir, oid };
    if (obj.type !== "tag") break;
    oid = (obj.object as { object: string }).object;
  }
  throw inputError("E_GIT_REV", `revision ${rev} does not name a commit`, { repo, rev });
}

export async function readTreeFromGit(repo: string, rev: string, readLimit = READ_LIMIT_BYTES, maxFiles = DEFAULT_LIMITS.maxFiles): Promise<SoulTree> {
  const { gitdir, oid } = await resolveCommit(repo, rev);
  const cache = {};
  const { commit } = await git.readCommit({ fs, gitdir, oid, cache });
  const walk: Walk = { gitdir, out: [], readLimit, cache, files: 0, dirs: 0, maxFiles };
  await walkTree(walk, commit.tree, "", 0);
  walk.out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const tree: SoulTree = { label: `${repo}@${rev}`, commit: oid, entries: walk.out };
  if (walk.stopped) tree.stopped = walk.stopped;
  return tree;
}

interface Walk {
  gitdir: string;
  out: TreeEntry[];
  readLimit: number;
  cache: object;
  files: number;
  dirs: number;
  maxFiles: number;
  stopped?: SoulTree["stopped"];
}

function stop(w: Walk, limit: "files" | "dirs" | "depth", at: string): void {
  w.stopped = { limit, at };
}

/** Counts as it goes and stops at the limits, like the directory reader. */
async function walkTree(w: Walk, treeOid: string, prefix: string, depth: number): Promise<void> {
  const { tree } = await git.readTree({ fs, gitdir: w.gitdir, oid: treeOid, cache: w.cache });
  for (const item of tree) {
    if (w.stopped) return;
    const path = prefix === "" ? item.path : `${prefix}/${item.path}`;
    if (item.type === "tree") {
      if (++w.dirs > w.maxFiles) return stop(w, "dirs", path);
      if (depth + 1 > WALK_LIMITS.maxDepth) return stop(w, "depth", path);
      w.out.push({ path, type: "dir", size: 0 });
      await walkTree(w, item.oid, path, depth + 1);
      continue;
    }
    if (++w.files > w.maxFiles) return stop(w, "files", path);
    // isomorphic-git decodes names lossily: a replacement character means bytes that were not UTF-8.
    if (item.path.includes("\uFFFD")) w.out.push({ path, type: "badname", size: 0 });
    else if (item.type === "commit") w.out.push({ path, type: "submodule", size: 0 });
    else if (item.mode === "120000") {
      const { blob } = await git.readBlob({ fs, gitdir: w.gitdir, oid: item.oid, cache: w.cache });
      const target = Buffer.from(blob).toString("utf8");
      w.out.push({ path, type: "symlink", size: target.length, target });
    } else {
      const { blob } = await git.readBlob({ fs, gitdir: w.gitdir, oid: item.oid, cache: w.cache });
      const entry: TreeEntry = { path, type: "file", size: blob.byteLength, executable: item.mode === "100755" };
      if (blob.byteLength <= w.readLimit) entry.data = blob;
      w.out.push(entry);
    }
  }
}

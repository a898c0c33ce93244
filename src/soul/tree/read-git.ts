// Reads the tree of one commit in process with isomorphic-git: no checkout, no worktree.
import * as fs from "node:fs";
import git from "isomorphic-git";
import { environmentError, inputError } from "../../core/errors.js";
import { READ_LIMIT_BYTES, type SoulTree, type TreeEntry } from "./types.js";

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

export async function readTreeFromGit(repo: string, rev: string, readLimit = READ_LIMIT_BYTES): Promise<SoulTree> {
  const { gitdir, oid } = await resolveCommit(repo, rev);
  const entries: TreeEntry[] = [];
  const cache = {};
  const { commit } = await git.readCommit({ fs, gitdir, oid, cache });
  await walkTree(gitdir, commit.tree, "", entries, readLimit, cache);
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { label: `${repo}@${rev}`, commit: oid, entries };
}

async function walkTree(
  gitdir: string,
  treeOid: string,
  prefix: string,
  out: TreeEntry[],
  readLimit: number,
  cache: object,
): Promise<void> {
  const { tree } = await git.readTree({ fs, gitdir, oid: treeOid, cache });
  for (const item of tree) {
    const path = prefix === "" ? item.path : `${prefix}/${item.path}`;
    if (item.type === "tree") {
      out.push({ path, type: "dir", size: 0 });
      await walkTree(gitdir, item.oid, path, out, readLimit, cache);
    } else if (item.type === "commit") {
      out.push({ path, type: "submodule", size: 0 });
    } else if (item.mode === "120000") {
      const { blob } = await git.readBlob({ fs, gitdir, oid: item.oid, cache });
      const target = Buffer.from(blob).toString("utf8");
      out.push({ path, type: "symlink", size: target.length, target });
    } else {
      const { blob } = await git.readBlob({ fs, gitdir, oid: item.oid, cache });
      const entry: TreeEntry = { path, type: "file", size: blob.byteLength, executable: item.mode === "100755" };
      if (blob.byteLength <= readLimit) entry.data = blob;
      out.push(entry);
    }
  }
}

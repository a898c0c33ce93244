// Reads the tree of one commit with the git CLI, for the pre-receive hook: git's own commands
// honour the quarantine a hook runs in (the pushed objects are not yet in the object store that
// isomorphic-git reads). Sizes come from ls-tree, so a blob over the limit is never loaded.
import { run } from "../../exec/run.js";
import { catFile, checkRev } from "../../secrets/read-git.js";
import { DEFAULT_LIMITS } from "../limits.js";
import { READ_LIMIT_BYTES, type SoulTree, type TreeEntry, WALK_LIMITS } from "./types.js";

/** `<mode> <type> <oid> <size>\t<path>` (ls-tree -l -z). */
const RECORD = /^(\d{6}) (blob|tree|commit) ([0-9a-f]{40,64}) +(-|\d+)\t(.+)$/s;

export async function readTreeWithGitCli(repo: string | undefined, rev: string, readLimit = READ_LIMIT_BYTES, maxFiles = DEFAULT_LIMITS.maxFiles): Promise<SoulTree> {
  const git = (args: string[]) => (repo ? ["git", "-C", repo, ...args] : ["git", ...args]);
  const out = await run(git(["ls-tree", "-r", "-t", "-l", "-z", "--full-tree", "--end-of-options", checkRev(rev)]));
  const entries: TreeEntry[] = [];
  const wanted = new Map<string, TreeEntry[]>();
  let files = 0;
  let dirs = 0;
  const tree: SoulTree = { label: rev, entries };
  for (const rec of out.stdout.split("\0")) {
    const m = RECORD.exec(rec);
    if (!m) continue;
    const [, mode, type, oid, size, path] = m as unknown as [string, string, string, string, string, string];
    const deep = path.split("/").length - 1 > WALK_LIMITS.maxDepth;
    if (type === "tree" ? ++dirs > maxFiles : ++files > maxFiles) tree.stopped = { limit: type === "tree" ? "dirs" : "files", at: path };
    else if (deep) tree.stopped = { limit: "depth", at: path };
    if (tree.stopped) break;
    let entry: TreeEntry;
    // run() decodes output as UTF-8: a replacement character means a name that was not.
    if (path.includes("\uFFFD")) entry = { path, type: "badname", size: 0 };
    else if (type === "tree") entry = { path, type: "dir", size: 0 };
    else if (type === "commit") entry = { path, type: "submodule", size: 0 };
    else if (mode === "120000") entry = { path, type: "symlink", size: Number(size), target: "" };
    else entry = { path, type: "file", size: Number(size), executable: mode === "100755" };
    entries.push(entry);
    if ((entry.type === "file" && entry.size <= readLimit) || entry.type === "symlink") wanted.set(oid, [...(wanted.get(oid) ?? []), entry]);
  }
  const data = await catFile(repo, [...wanted.keys()]);
  for (const [oid, list] of wanted) {
    for (const e of list) {
      const bytes = data.get(oid) ?? new Uint8Array();
      if (e.type === "symlink") e.target = Buffer.from(bytes).toString("utf8");
      else e.data = bytes;
    }
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return tree;
}

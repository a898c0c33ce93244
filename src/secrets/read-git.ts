// Reads what to scan from git with the git CLI (it honours the quarantine environment that a
// pre-receive hook runs in, which in-process readers do not): the tree of one commit, or the
// files each commit of a range touched plus its message. Every file is read in full.
import { inputError } from "../core/errors.js";
import { run, runBytes } from "../exec/run.js";
import type { ScanInput } from "./api.js";

const ZERO = /^0{40}$|^0{64}$/;

/** A revision that is safe as a git argument (never an option). */
export function checkRev(rev: string): string {
  if (!/^[^\s-][^\s]{0,255}$/.test(rev) || rev.includes("..")) {
    throw inputError("E_GIT_REV", `not a revision: ${JSON.stringify(rev.slice(0, 80))}`, { rev });
  }
  return rev;
}

const git = (repo: string | undefined, args: string[]) => (repo ? ["git", "-C", repo, ...args] : ["git", ...args]);

interface Blob {
  path: string;
  oid: string;
  commit?: string;
}

/** Every file in the tree of `rev` (submodules and symlinks are not files). */
export async function readCommitTree(repo: string | undefined, rev: string, maxBytes: number): Promise<ScanInput[]> {
  const out = await run(git(repo, ["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", checkRev(rev)]));
  const blobs: Blob[] = [];
  for (const rec of out.stdout.split("\0")) {
    const m = /^(\d{6}) blob ([0-9a-f]{40,64})\t(.+)$/s.exec(rec);
    if (m && m[1] !== "120000") blobs.push({ oid: m[2] as string, path: m[3] as string });
  }
  return readBlobs(repo, blobs, maxBytes);
}

/** Commits in `from..to` (or reachable from `to` and no existing ref, for a new branch). */
export async function listCommits(repo: string | undefined, from: string | undefined, to: string): Promise<string[]> {
  const args = from && !ZERO.test(from) ? [`${checkRev(from)}..${checkRev(to)}`] : [checkRev(to), "--not", "--all"];
  const out = await run(git(repo, ["rev-list", ...args]));
  return out.stdout.split("\n").filter((l) => /^[0-9a-f]{40,64}$/.test(l));
}

/**
 * Every commit a push brings, each once, with one `git rev-list` however many ref lines name it:
 * the new tips, less what the old tips reach (or, when a ref is created, less every existing ref).
 * A commit that some other existing ref already reaches was scanned when that ref was pushed.
 */
export async function listPushCommits(repo: string | undefined, updates: readonly { old: string; new: string; created: boolean; deleted: boolean }[]): Promise<string[]> {
  const live = updates.filter((u) => !u.deleted);
  const tips = [...new Set(live.map((u) => checkRev(u.new)))];
  if (tips.length === 0) return [];
  const created = live.some((u) => u.created);
  const olds = created ? [] : [...new Set(live.map((u) => `^${checkRev(u.old)}`))];
  const stdin = [...tips, ...olds].join("\n");
  const out = await run(git(repo, ["rev-list", "--stdin", ...(created ? ["--not", "--all"] : [])]), { input: `${stdin}\n` });
  return out.stdout.split("\n").filter((l) => /^[0-9a-f]{40,64}$/.test(l));
}

/** The messages of those of `oids` that are annotated tags, with two `git cat-file` calls in all. */
export async function readTagMessages(repo: string | undefined, oids: readonly string[]): Promise<ScanInput[]> {
  const unique = [...new Set(oids.map(checkRev))];
  if (unique.length === 0) return [];
  const check = await run(git(repo, ["cat-file", "--batch-check"]), { input: `${unique.join("\n")}\n` });
  const tags = check.stdout.split("\n").flatMap((l) => {
    const [oid, type] = l.split(" ");
    return oid && type === "tag" ? [oid] : [];
  });
  const messages = await catFile(repo, tags);
  return tags.map((t) => ({ path: `tag:${t}`, data: messageOf(messages.get(t)), commit: t }));
}

/** The files each commit touched (in full, as of that commit) and each commit's message. */
export async function readCommits(repo: string | undefined, commits: readonly string[], maxBytes: number): Promise<ScanInput[]> {
  if (commits.length === 0) return [];
  const out = await run(git(repo, ["diff-tree", "--stdin", "-r", "-z", "-m", "--root", "--no-renames"]), { input: `${commits.join("\n")}\n` });
  const blobs: Blob[] = [];
  const seen = new Set<string>();
  let commit = "";
  const recs = out.stdout.split("\0");
  for (let i = 0; i < recs.length; i++) {
    const rec = (recs[i] as string).replace(/^\n/, "");
    if (/^[0-9a-f]{40,64}(?: \(from [0-9a-f]+\))?\n?$/.test(rec)) {
      commit = rec.slice(0, rec.indexOf(" ") > 0 ? rec.indexOf(" ") : rec.trim().length).trim();
      continue;
    }
    const m = /^:(\d{6}) (\d{6}) [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*$/.exec(rec);
    if (!m) continue;
    const path = recs[++i] as string;
    if (m[4] === "D" || m[2] === "160000" || m[2] === "120000" || m[2] === "000000") continue;
    const oid = m[3] as string;
    if (seen.has(`${oid}\0${path}`)) continue;
    seen.add(`${oid}\0${path}`);
    blobs.push({ path, oid, commit });
  }
  const messages = await catFile(repo, commits);
  const inputs: ScanInput[] = commits.map((c) => ({ path: `commit:${c}`, data: messageOf(messages.get(c)), commit: c }));
  return [...inputs, ...(await readBlobs(repo, blobs, maxBytes))];
}

/** The message of a commit or tag object: what follows the first blank line. */
function messageOf(raw: Uint8Array | undefined): Uint8Array {
  if (!raw) return new Uint8Array();
  for (let i = 0; i + 1 < raw.length; i++) if (raw[i] === 10 && raw[i + 1] === 10) return raw.subarray(i + 2);
  return new Uint8Array();
}

async function readBlobs(repo: string | undefined, blobs: Blob[], maxBytes: number): Promise<ScanInput[]> {
  if (blobs.length === 0) return [];
  const check = await run(git(repo, ["cat-file", "--batch-check"]), { input: `${blobs.map((b) => b.oid).join("\n")}\n` });
  const sizes = new Map<string, number>();
  for (const line of check.stdout.split("\n")) {
    const [oid, , size] = line.split(" ");
    if (oid && size) sizes.set(oid, Number(size));
  }
  const wanted = [...new Set(blobs.filter((b) => (sizes.get(b.oid) ?? 0) <= maxBytes).map((b) => b.oid))];
  const data = await catFile(repo, wanted);
  return blobs.map((b) => {
    const size = sizes.get(b.oid) ?? 0;
    const input: ScanInput = { path: b.path, data: data.get(b.oid) ?? new Uint8Array(), size };
    if (b.commit) input.commit = b.commit;
    return input;
  });
}

/** Object contents by id, with one `git cat-file --batch`. */
export async function catFile(repo: string | undefined, oids: readonly string[]): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  if (oids.length === 0) return out;
  const { stdout } = await runBytes(git(repo, ["cat-file", "--batch"]), { input: `${oids.join("\n")}\n` });
  let pos = 0;
  while (pos < stdout.length) {
    const nl = stdout.indexOf(10, pos);
    if (nl < 0) break;
    const header = Buffer.from(stdout.subarray(pos, nl)).toString("latin1").split(" ");
    pos = nl + 1;
    if (header[1] === "missing" || header.length < 3) continue;
    const size = Number(header[2]);
    out.set(header[0] as string, stdout.subarray(pos, pos + size));
    pos += size + 1;
  }
  return out;
}

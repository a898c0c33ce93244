// One bare mirror per source under <state_dir>/mirrors/: fetched (never pulled) with forced,
// pruning refspecs, so force-pushes, moved tags and deleted branches are ordinary updates.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isSoulsyncError, SoulsyncError, transientError } from "../core/errors.js";
import { classifyFetchFailure } from "./fetch-errors.js";
import { type GitCall, git } from "./git-run.js";
import type { Origin } from "./origin.js";
import { FOR_EACH_REF_FORMAT, parseForEachRef, type RefMap } from "./refs.js";

/** info/attributes of every mirror: no eol conversion, ident, filters, encodings or export rules. */
export const MIRROR_ATTRIBUTES = "* -text -eol -ident -filter -working-tree-encoding -export-ignore -export-subst";

export const FETCH_REFSPECS = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"];

/** <state_dir>/mirrors/<hash of the origin>.git (pure). */
export function mirrorDir(stateDir: string, origin: Origin): string {
  const id = createHash("sha256").update(origin.url).digest("hex").slice(0, 20);
  return join(stateDir, "mirrors", `${id}.git`);
}

/** True when `dir` looks like a usable bare repository (HEAD, config, objects present). */
export async function mirrorLooksSound(dir: string): Promise<boolean> {
  const head = await readFile(join(dir, "HEAD"), "utf8").catch(() => "");
  if (!/^(ref: refs\/|[0-9a-f]{40})/.test(head)) return false;
  const ok = await Promise.all(["objects", "refs", "config"].map((p) => stat(join(dir, p)).then(() => true, () => false)));
  return ok.every(Boolean);
}

/** Creates an empty bare mirror (in a temp dir, renamed into place) unless one is there. */
export async function ensureMirror(dir: string): Promise<void> {
  if (await mirrorLooksSound(dir)) return;
  await rm(dir, { recursive: true, force: true });
  const tmp = `${dir}.tmp-${randomBytes(4).toString("hex")}`;
  await mkdir(join(dir, ".."), { recursive: true });
  await git(["init", "--quiet", "--bare", tmp]);
  // The snapshot is the commit's tree as committed: no in-repo attribute may convert or hide content.
  await writeFile(join(tmp, "info", "attributes"), `${MIRROR_ATTRIBUTES}\n`);
  await git(["config", "gc.auto", "0"], { gitDir: tmp });
  await rename(tmp, dir);
}

/** Rewrites the mirror's info/attributes when it is not MIRROR_ATTRIBUTES (a mirror made by an older version). */
export async function ensureMirrorAttributes(dir: string): Promise<void> {
  const path = join(dir, "info", "attributes");
  if ((await readFile(path, "utf8").catch(() => "")) === `${MIRROR_ATTRIBUTES}\n`) return;
  await mkdir(join(dir, "info"), { recursive: true });
  await writeFile(path, `${MIRROR_ATTRIBUTES}\n`);
}

/** Fetches every branch and tag of `origin` into the mirror; throws E_GIT_UNREACHABLE (transient), E_GIT_AUTH or E_GIT_FETCH. */
export async function fetchMirror(dir: string, origin: Origin, call: Pick<GitCall, "env" | "config"> = {}): Promise<void> {
  const config: [string, string][] = [...(call.config ?? [])];
  // A local origin (the agent's git jail seen from the host) is owned by another user.
  if (origin.localPath) config.push(["safe.directory", origin.localPath]);
  const args = ["fetch", "--quiet", "--prune", "--force", "--no-tags", "--no-write-fetch-head", "--no-show-forced-updates", "--", origin.url, ...FETCH_REFSPECS];
  try {
    await git(args, { gitDir: dir, env: call.env, config, timeout: 600_000 });
  } catch (e) {
    if (!isSoulsyncError(e) || e.code !== "E_CMD_FAILED") throw e;
    throw fetchError(e, origin);
  }
  if (origin.kind === "http" && (await readMirrorRefs(dir)).size === 0 && !(await speaksSmartHttp(origin, call, config))) throw noRefsError(origin);
}

/**
 * After a fetch over HTTP that found no refs at all: did a git server answer (an empty repository,
 * or every branch deleted — a real E_REF_NOT_FOUND), or something else? Asked once more with curl's
 * header trace on; only the Content-Type of the answer is looked at, the trace is dropped.
 */
async function speaksSmartHttp(origin: Origin, call: Pick<GitCall, "env" | "config">, config: [string, string][]): Promise<boolean> {
  const env = { ...call.env, GIT_TRACE_CURL: "1", GIT_TRACE_CURL_NO_DATA: "1", GIT_TRACE_REDACT: "1" };
  const r = await git(["ls-remote", "--", origin.url], { env, config, reject: false, timeout: 120_000 });
  return /<= Recv header: content-type: application\/x-git-upload-pack-advertisement/i.test(r.stderr);
}

/**
 * An HTTP origin that answered, but not as a git server. git's dumb-HTTP fallback reads an HTTP
 * 200 error page (a proxy's "service unavailable", a login page) as an empty ref list and exits 0;
 * that is an origin not answering as git, so it backs off like one that cannot be reached instead
 * of every ref reading as deleted (E_REF_NOT_FOUND, a refused revision).
 */
function noRefsError(origin: Origin): SoulsyncError {
  return transientError(
    "E_GIT_UNREACHABLE",
    `cannot reach ${origin.display}: it answered, but not as a git server (no branches, no tags, no git content type: an HTTP 200 error page?)`,
    { url: origin.display, reason: "no-refs" },
  );
}

function fetchError(e: SoulsyncError, origin: Origin): SoulsyncError {
  const stderr = String(e.data.stderr ?? "");
  const why = stderr.trim().split("\n").slice(-2).join(" ").trim();
  const data = { url: origin.display, stderr };
  switch (classifyFetchFailure(stderr)) {
    case "unreachable":
      return transientError("E_GIT_UNREACHABLE", `cannot reach ${origin.display}: ${why}`, data, e);
    case "auth":
      return new SoulsyncError("E_GIT_AUTH", `${origin.display} refused the credentials: ${why}`, { kind: "environment", data, cause: e });
    default:
      return new SoulsyncError("E_GIT_FETCH", `fetch from ${origin.display} failed: ${why}`, { kind: "environment", data, cause: e });
  }
}

/**
 * Fetches, and when the failure is not about the origin (or the mirror is visibly broken), moves
 * the mirror aside, re-clones it once and reports that it did (a corrupt mirror heals itself).
 */
export async function fetchWithRecovery(dir: string, origin: Origin, call: Pick<GitCall, "env" | "config"> = {}): Promise<{ recloned: boolean }> {
  const sound = await mirrorLooksSound(dir);
  if (sound) {
    try {
      await fetchMirror(dir, origin, call);
      return { recloned: false };
    } catch (e) {
      if (!isSoulsyncError(e) || e.code !== "E_GIT_FETCH") throw e;
    }
  }
  const existed = await stat(dir).then(() => true, () => false);
  await discardMirror(dir);
  await ensureMirror(dir);
  await fetchMirror(dir, origin, call);
  return { recloned: existed };
}

/** Removes a mirror (renamed first, so a crash never leaves a half-deleted one in place). */
export async function discardMirror(dir: string): Promise<void> {
  const aside = `${dir}.discard-${randomBytes(4).toString("hex")}`;
  await rename(dir, aside).catch(() => undefined);
  await rm(aside, { recursive: true, force: true });
}

/** Branches and tags of the mirror, annotated tags peeled. */
export async function readMirrorRefs(dir: string): Promise<RefMap> {
  const { stdout } = await git(["for-each-ref", `--format=${FOR_EACH_REF_FORMAT}`, "refs/heads", "refs/tags"], { gitDir: dir });
  return parseForEachRef(stdout);
}

/** The commit `oid` names (tags peeled, abbreviations expanded); E_REF_NOT_FOUND when the mirror has none. */
export async function resolveCommit(dir: string, oid: string): Promise<string> {
  const r = await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${oid}^{commit}`], { gitDir: dir, reject: false });
  const commit = r.stdout.trim();
  if (r.exitCode !== 0 || !/^[0-9a-f]{40}$/.test(commit)) {
    throw new SoulsyncError("E_REF_NOT_FOUND", `commit ${oid} not found at the origin`, { kind: "input", data: { oid } });
  }
  return commit;
}

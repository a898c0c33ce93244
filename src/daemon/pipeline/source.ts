// The source half of an agent run (DESIGN §2): source (fetch, select, verify, snapshot) ·
// validate · scan · publish, composed from git/'s primitives, with the failure policy stated here:
// - a revision refused for its content or signature is remembered and not retried until the
//   origin selects another commit or the operator passes --force;
// - transient faults back off exponentially (the origin is not asked until the backoff ends,
//   unless --force, and the run says it skipped);
// - whatever fails, the published revision stays live and the status says why.
import { testPause } from "../../core/test-pause.js";
import { inputError, isSoulsyncError, SoulsyncError } from "../../core/errors.js";
import { credentialCall } from "../../git/credentials.js";
import { DIR_REF, importDirectory, isPlainDirectory } from "../../git/dir-source.js";
import { unchangedLocalRefs } from "../../git/local.js";
import { readCommitMessages } from "../../git/messages.js";
import { discardMirror, ensureMirror, fetchWithRecovery, mirrorDir, resolveCommit } from "../../git/mirror.js";
import { type Origin, parseOrigin } from "../../git/origin.js";
import { publishSnapshot, readPublished } from "../../git/publish.js";
import { type RefMap, readLocalRefs } from "../../git/refs.js";
import { formatRevision, type Selection, selectRef } from "../../git/select.js";
import { exportSnapshot, hasSnapshot, removeSnapshot } from "../../git/snapshot.js";
import type { SourceStatus } from "../../git/status/types.js";
import { verifyRevision } from "../../git/verify.js";
import { secretProblems } from "../../secrets/tree.js";
import { readTreeFromDir } from "../../soul/tree/read-dir.js";
import { addHistory, finish, type Run } from "./outcome.js";

type Call = Awaited<ReturnType<typeof credentialCall>>;

/** source: ask the origin (unless backing off), select the revision, decide what this run does. */
export async function sourceStep(r: Run): Promise<void> {
  const { deps, target, st } = r;
  r.published = await readPublished(deps.stateDir, target.agent, target.source);
  const served = servedNow(r);
  if (!r.force && !r.ignoreBackoff && st.backoff && deps.now() < new Date(st.backoff.until)) {
    // Not asked: status keeps the last failure, and says this pass skipped the origin.
    st.backoff.skipped = true;
    const out = finish(r, "Stalled", st.reason, st.message, false);
    out.outcome.message = `${st.message} (origin not asked: backing off until ${st.backoff.until}; sync --force tries now)`;
    out.outcome.kind = "transient";
    out.outcome.skipped = true;
    r.settled = out; // nothing else runs: a database that is down is not asked either
    return;
  }
  const origin = parseOrigin(target.spec.url, target.baseDir);
  const mirror = mirrorDir(deps.stateDir, origin);
  r.origin = origin;
  r.mirror = mirror;
  const call = await credentialCall(origin, target.spec.credentials, deps.secretsDir, deps.stateDir);
  let sel: Selection;
  let commit: string;
  if (origin.localPath && (await isPlainDirectory(origin.localPath))) {
    if (target.spec.verify) {
      throw inputError("E_VERIFY_NOT_GIT", `${origin.display} is a plain directory: there is no signature to verify`, { url: origin.display });
    }
    await ensureMirror(mirror);
    commit = await importDirectory(mirror, origin.localPath);
    sel = { kind: "branch", ref: DIR_REF, oid: commit, isTag: false };
  } else {
    let refs = r.force ? undefined : await unchangedLocalRefs(origin, mirror);
    if (!refs) {
      testPause("fetch");
      r.recloned = (await fetchWithRecovery(mirror, origin, call)).recloned;
      // From the files: a `git for-each-ref` process cost more than the read (tags peel in commitOf).
      refs = await readLocalRefs(mirror);
    }
    sel = selectRef(target.spec.ref, refs);
    commit = await commitOf(mirror, sel, refs, st.seen);
  }
  st.seen = { oid: sel.oid, commit };
  r.sel = sel;
  r.commit = commit;
  r.oid = sel.oid;
  r.revision = formatRevision(sel.ref, commit);

  if (st.hold) {
    // The origin still selects what we rolled back from: keep the rollback. Anything else (including
    // the held commit itself, e.g. after a revert at the origin) ends the hold.
    if (commit === st.hold.skip && commit !== st.hold.commit) {
      const held = st.hold;
      if (r.published !== held.commit) {
        await publishSnapshot(deps.stateDir, target.agent, target.source, held.commit);
        r.published = held.commit;
      }
      r.serve = { commit: held.commit, revision: held.revision, rollback: true };
      r.settled = finish(r, "Ready", "HELD", `rolled back to ${held.revision}; held until the origin selects a new revision`, false);
      return;
    }
    delete st.hold;
  }
  const refused = !r.force && st.failed?.commit === commit && (st.failed.oid ?? sel.oid) === sel.oid;
  if (r.published === commit && (await hasSnapshot(deps.stateDir, commit))) {
    // Published already: only the steps after publish may have work left (their keys say).
    r.serve = { commit, revision: r.revision, rollback: false };
    if (refused) r.settled = skipRefused(r);
    else {
      delete st.failed;
      st.lastApplied = r.revision;
    }
    return;
  }
  if (refused) {
    r.serve = served;
    r.settled = skipRefused(r);
    return;
  }

  st.lastAttempted = r.revision;
  st.condition = "Reconciling";
  st.reason = "PROGRESSING";
  st.message = `applying ${r.revision}`;
  await deps.onProgress?.(st);

  if (target.spec.verify) await verifyRevision(deps.stateDir, mirror, target.spec.verify, sel, commit);
  testPause("snapshot");
  r.incoming = await exportWithRecovery(r, mirror, origin, call, commit);
}

/** What the service runs now, before this run changes anything: the published commit, if any. */
function servedNow(r: Run): Run["serve"] {
  const { st } = r;
  if (!r.published || !st.lastApplied?.endsWith(r.published)) return undefined;
  return { commit: r.published, revision: st.lastApplied, rollback: Boolean(st.hold) };
}

/** validate: the snapshot must pass its source's validator (Layered Soul v1, host.yaml). */
export async function validateStep(r: Run): Promise<void> {
  const inc = r.incoming!;
  const tree = await readTreeFromDir(inc.dir);
  tree.label = r.revision!;
  tree.commit = r.commit;
  inc.tree = tree;
  // Errors wait for the scan, so that one refusal names every problem of the revision.
  r.problems.push(...(await r.target.validate(tree, inc.dir)));
}

/** scan: no secret in any file of the revision, nor in the commit messages since the last applied one. */
export async function scanStep(r: Run): Promise<void> {
  const inc = r.incoming!;
  const messages = r.mirror ? await readCommitMessages(r.mirror, r.st.lastApplied?.slice(-40), r.commit!) : [];
  r.problems.push(...secretProblems(inc.tree!, { allow: r.deps.allow }, messages));
  const errors = r.problems.filter((p) => p.severity === "error");
  if (errors.length === 0) return;
  const commit = r.commit!;
  if (inc.created && !r.st.kept.some((k) => k.endsWith(commit))) await removeSnapshot(r.deps.stateDir, commit);
  const secret = errors.some((p) => p.code === "E_SECRET");
  const first = errors[0]!;
  throw new SoulsyncError(
    secret ? "E_SECRET" : "E_VALIDATE",
    `${r.revision} refused: ${errors.length} problem${errors.length === 1 ? "" : "s"}, first ${first.file}:${first.line}:${first.column}: ${first.code} ${first.message}`,
    { kind: "input", data: { problems: r.problems } },
  );
}

/** publish: swap `current` to the new snapshot; the last good one was live until this instant. */
export async function publishStep(r: Run): Promise<void> {
  const { deps, target, st } = r;
  const commit = r.commit!;
  testPause("publish");
  await publishSnapshot(deps.stateDir, target.agent, target.source, commit);
  st.lastApplied = r.revision;
  st.kept = [r.revision!, ...st.kept.filter((k) => !k.endsWith(`sha1:${commit}`))].slice(0, Math.max(1, deps.keep));
  delete st.failed;
  delete st.backoff;
  addHistory(r, { result: "applied" });
  r.serve = { commit, revision: r.revision!, rollback: false };
  r.changed = true;
}

/** A revision refused before: reported, not retried until a new revision or --force. */
function skipRefused(r: Run) {
  const f = r.st.failed!;
  const out = finish(r, "Stalled", f.code, `${f.message} (not retried until a new revision arrives or sync --force)`, false, f.problems);
  out.outcome.kind = "input";
  return out;
}

/** The commit a selection names: a branch is one already; a tag is peeled (cached while unchanged). */
async function commitOf(mirror: string, sel: Selection, refs: RefMap, seen: SourceStatus["seen"]): Promise<string> {
  if (sel.kind === "branch") return sel.oid;
  const peeled = sel.refName ? refs.get(sel.refName)?.peeled : undefined;
  if (peeled) return peeled;
  if (seen?.oid === sel.oid) return seen.commit;
  return resolveCommit(mirror, sel.oid);
}

/** Exports the snapshot; when git cannot read the commit from the mirror (corrupt objects), re-clones once and retries. */
async function exportWithRecovery(r: Run, mirror: string, origin: Origin, call: Call, commit: string) {
  try {
    return await exportSnapshot(r.deps.stateDir, mirror, commit);
  } catch (e) {
    if (!isSoulsyncError(e) || e.code !== "E_CMD_FAILED") throw e;
    await discardMirror(mirror);
    await fetchWithRecovery(mirror, origin, call);
    r.recloned = true;
    return exportSnapshot(r.deps.stateDir, mirror, commit);
  }
}

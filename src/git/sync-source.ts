// One pass of the source side for one source (DESIGN §2): fetch → resolve → verify → snapshot →
// validate → scan → publish → post-publish steps, with the failure policy stated here:
// - a revision refused for its content or signature is remembered and not retried until the
//   origin selects another commit or the operator passes --force;
// - transient faults back off exponentially (skipped until the backoff ends, unless --force);
// - whatever fails, the published revision stays live and the status says why.
import { inputError, isSoulsyncError, SoulsyncError } from "../core/errors.js";
import { redactUrls } from "../core/redact.js";
import { testPause } from "../core/test-pause.js";
import { readTreeFromDir } from "../soul/tree/read-dir.js";
import { secretProblems } from "../secrets/tree.js";
import { credentialCall } from "./credentials.js";
import { DIR_REF, importDirectory, isPlainDirectory } from "./dir-source.js";
import { unchangedLocalRefs } from "./local.js";
import { readCommitMessages } from "./messages.js";
import { discardMirror, ensureMirror, fetchWithRecovery, mirrorDir, readMirrorRefs, resolveCommit } from "./mirror.js";
import { type Origin, parseOrigin } from "./origin.js";
import { publishSnapshot, readPublished } from "./publish.js";
import type { RefMap } from "./refs.js";
import { formatRevision, type Selection, selectRef } from "./select.js";
import { exportSnapshot, hasSnapshot, removeSnapshot, snapshotDir } from "./snapshot.js";
import type { SourceStatus } from "./status/types.js";
import { addHistory, type Done, failed, finish, newSourceStatus, type Run, type SourceTarget, type SyncDeps } from "./sync-run.js";
import { verifyRevision } from "./verify.js";

export type { SourceTarget, SyncDeps, SyncOutcome } from "./sync-run.js";

export async function syncSource(
  deps: SyncDeps,
  target: SourceTarget,
  previous: SourceStatus | undefined,
  options: { force: boolean },
): Promise<Done> {
  const at = deps.now().toISOString();
  const st: SourceStatus = structuredClone(previous ?? newSourceStatus(target, at));
  st.url = redactUrls(target.spec.url);
  const r: Run = { deps, target, st, at, force: options.force, recloned: false };
  try {
    return await pass(r);
  } catch (e) {
    return failed(r, e);
  }
}

async function pass(r: Run): Promise<Done> {
  const { deps, target, st } = r;
  if (!r.force && st.backoff && deps.now() < new Date(st.backoff.until)) {
    // Not a run: status keeps its message; only the outcome says the source is waiting.
    const out = finish(r, "Stalled", st.reason, st.message, false);
    out.outcome.message = `${st.message} (backing off until ${st.backoff.until}; sync --force tries now)`;
    out.outcome.kind = "transient";
    return out;
  }
  const origin = parseOrigin(target.spec.url, target.baseDir);
  const mirror = mirrorDir(deps.stateDir, origin);
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
      refs = await readMirrorRefs(mirror);
    }
    sel = selectRef(target.spec.ref, refs);
    commit = await commitOf(mirror, sel, refs, st.seen);
  }
  st.seen = { oid: sel.oid, commit };
  r.commit = commit;
  r.oid = sel.oid;
  r.revision = formatRevision(sel.ref, commit);
  const published = await readPublished(deps.stateDir, target.agent, target.source);

  if (st.hold) {
    // The origin still selects what we rolled back from: keep the rollback. Anything else (including
    // the held commit itself, e.g. after a revert at the origin) ends the hold.
    if (commit === st.hold.skip && commit !== st.hold.commit) {
      const held = st.hold;
      if (published !== held.commit) await publishSnapshot(deps.stateDir, target.agent, target.source, held.commit);
      if (st.stepsDone !== stepsDoneKey(r, held.commit)) await runSteps(r, held.commit, held.revision, undefined, true);
      return finish(r, "Ready", "HELD", `rolled back to ${held.revision}; held until the origin selects a new revision`, false);
    }
    delete st.hold;
  }
  const refused = !r.force && st.failed?.commit === commit && (st.failed.oid ?? sel.oid) === sel.oid;
  if (published === commit && (await hasSnapshot(deps.stateDir, commit))) {
    // Published already; only steps that failed last time are left to do (unless they were refused).
    if (st.stepsDone !== stepsDoneKey(r, commit)) {
      if (refused) return skipRefused(r);
      await runSteps(r, commit, r.revision, undefined, false);
    }
    delete st.failed;
    delete st.backoff;
    st.lastApplied = r.revision;
    return finish(r, "Ready", "OK", `${r.revision} is published`, false);
  }
  if (refused) return skipRefused(r);

  st.lastAttempted = r.revision;
  st.condition = "Reconciling";
  st.reason = "PROGRESSING";
  st.message = `applying ${r.revision}`;
  await deps.onProgress?.(st);

  if (target.spec.verify) await verifyRevision(deps.stateDir, mirror, target.spec.verify, sel, commit);
  testPause("snapshot");
  const snap = await exportWithRecovery(r, mirror, origin, call, commit);
  const tree = await readTreeFromDir(snap.dir);
  tree.label = r.revision;
  tree.commit = commit;
  const messages = await readCommitMessages(mirror, st.lastApplied?.slice(-40), commit);
  const problems = [...(await target.validate(tree, snap.dir)), ...secretProblems(tree, { allow: deps.allow }, messages)];
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    if (snap.created && !st.kept.some((k) => k.endsWith(commit))) await removeSnapshot(deps.stateDir, commit);
    const secret = errors.some((p) => p.code === "E_SECRET");
    const first = errors[0]!;
    throw new SoulsyncError(
      secret ? "E_SECRET" : "E_VALIDATE",
      `${r.revision} refused: ${errors.length} problem${errors.length === 1 ? "" : "s"}, first ${first.file}:${first.line}:${first.column}: ${first.code} ${first.message}`,
      { kind: "input", data: { problems } },
    );
  }

  testPause("publish");
  await publishSnapshot(deps.stateDir, target.agent, target.source, commit);
  st.lastApplied = r.revision;
  st.kept = [r.revision, ...st.kept.filter((k) => !k.endsWith(`sha1:${commit}`))].slice(0, Math.max(1, deps.keep));
  delete st.failed;
  delete st.backoff;
  addHistory(r, { result: "applied" });
  try {
    await runSteps(r, commit, r.revision, published, false);
  } catch (e) {
    const out = failed(r, e);
    out.outcome.changed = true;
    return out;
  }
  return finish(r, "Ready", "OK", `${r.revision} is published`, true, problems.length ? problems : undefined);
}

/** What `stepsDone` records: the commit, plus the steps' own inputs when they have any (host config). */
function stepsDoneKey(r: Run, commit: string): string {
  const extra = r.deps.stepsKey?.(r.target.agent);
  return extra ? `${commit}+${extra}` : commit;
}

/** Runs the post-publish steps in order; the first failure throws E_STEP_FAILED with the step's own kind. */
async function runSteps(r: Run, commit: string, revision: string, previous: string | undefined, rollback: boolean): Promise<void> {
  const { deps, target, st } = r;
  for (const step of deps.steps) {
    try {
      testPause(step.name);
      await step.run({ agent: target.agent, source: target.source, revision, commit, dir: snapshotDir(deps.stateDir, commit), previous, rollback, force: r.force });
    } catch (e) {
      const message = redactUrls(e instanceof Error ? e.message : String(e));
      throw new SoulsyncError("E_STEP_FAILED", `${revision} is published but step ${step.name} failed: ${message}`, {
        kind: isSoulsyncError(e) ? e.kind : "internal",
        data: { step: step.name },
        cause: e,
      });
    }
  }
  st.stepsDone = stepsDoneKey(r, commit);
}

/** A revision refused before: reported, not retried until a new revision or --force. */
function skipRefused(r: Run): Done {
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
async function exportWithRecovery(r: Run, mirror: string, origin: Origin, call: Awaited<ReturnType<typeof credentialCall>>, commit: string) {
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


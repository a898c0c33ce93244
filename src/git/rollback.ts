// `soulsync rollback`: republish a kept snapshot and hold it until the origin selects a revision
// other than the one rolled back from (then the new one is applied as usual).
import type { Bootstrap } from "../config/bootstrap.js";
import { inputError } from "../core/errors.js";
import { acquireLock } from "./lock.js";
import { publishSnapshot, readPublished } from "./publish.js";
import { parseRevision } from "./select.js";
import { hasSnapshot } from "./snapshot.js";
import { SOUL_SOURCE } from "./sources.js";
import { fileStatusStore, type StatusStore } from "./status/store.js";
import { pushHistory, type SourceStatus, type StatusDoc, statusKey } from "./status/types.js";

export interface RollbackRequest {
  bootstrap: Bootstrap;
  agent: string;
  /** A kept revision: `<ref>@sha1:<commit>`, a commit (prefix) or a ref name; default the one before the published. */
  to?: string;
  source?: string;
  now?: () => Date;
  store?: StatusStore;
}

export interface RollbackResult {
  agent: string;
  source: string;
  revision: string;
  commit: string;
  from?: string;
}

/** Which kept revision `to` names (pure); undefined `to` → the newest kept one not published. */
export function pickKept(kept: readonly string[], published: string | undefined, to?: string): string | undefined {
  const commitOf = (rev: string) => /sha1:([0-9a-f]{40})$/.exec(rev)?.[1] ?? "";
  if (to === undefined) return kept.find((k) => commitOf(k) !== published);
  const parsed = parseRevision(to);
  if (parsed) return kept.find((k) => commitOf(k).startsWith(parsed.commit) && (!parsed.ref || k.startsWith(`${parsed.ref}@`)));
  return kept.find((k) => k.startsWith(`${to}@sha1:`));
}

/** Publishes the chosen kept snapshot and records the hold (takes the state directory's lock). */
export async function rollbackSource(req: RollbackRequest): Promise<RollbackResult> {
  const release = await acquireLock(req.bootstrap.state_dir);
  try {
    const store = req.store ?? fileStatusStore(req.bootstrap.state_dir);
    const doc = await store.read();
    const r = await rollbackInDoc(req, doc);
    await store.write(doc);
    return r;
  } finally {
    await release();
  }
}

/** The rollback itself, on a status document the caller owns and saves (the daemon's, or a locked file's). */
export async function rollbackInDoc(req: RollbackRequest, doc: StatusDoc): Promise<RollbackResult> {
  const b = req.bootstrap;
  const source = req.source ?? SOUL_SOURCE;
  const key = statusKey(req.agent, source);
  const st: SourceStatus | undefined = doc.sources[key];
  if (!st) throw inputError("E_ROLLBACK_UNKNOWN", `no synced source ${key} in ${b.state_dir}/status.json`, { agent: req.agent });
  const published = await readPublished(b.state_dir, req.agent, source);
  const revision = pickKept(st.kept, published, req.to);
  if (!revision) {
    const what = req.to ? `revision ${req.to} is not among the kept ones` : "no earlier revision is kept";
    throw inputError("E_ROLLBACK_TARGET", `${key}: ${what} (kept: ${st.kept.join(", ") || "none"})`, { kept: st.kept });
  }
  const commit = revision.slice(-40);
  if (!(await hasSnapshot(b.state_dir, commit))) {
    throw inputError("E_ROLLBACK_TARGET", `${key}: the snapshot of ${revision} is gone`, { revision });
  }
  await publishSnapshot(b.state_dir, req.agent, source, commit);
  const at = (req.now ?? (() => new Date()))().toISOString();
  // Hold until the origin moves past what it selected when we rolled back.
  const skip = st.seen?.commit ?? published ?? commit;
  st.hold = { commit, revision, skip, at };
  st.lastApplied = revision;
  st.condition = "Ready";
  st.reason = "HELD";
  st.message = `rolled back to ${revision}; held until the origin selects a new revision`;
  st.updatedAt = at;
  st.history = pushHistory(st.history, { at, result: "rolled-back", revision });
  doc.sources[key] = st;
  doc.updatedAt = at;
  const from = published ? st.kept.find((k) => k.endsWith(published)) ?? published : undefined;
  // The steps after publish (import, render, service) follow in the pass the caller runs next.
  return { agent: req.agent, source, revision, commit, from };
}

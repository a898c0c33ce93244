// Snapshot collection: keep every source's last N applied revisions, whatever is published
// and whatever a rollback holds; remove the rest.
import { readPublished } from "./publish.js";
import { listSnapshots, removeSnapshot } from "./snapshot.js";
import type { StatusDoc } from "./status/types.js";

/** The commits that must survive (pure): kept revisions, held ones and the given published ones. */
export function planKeep(doc: StatusDoc, published: Iterable<string>): Set<string> {
  const keep = new Set<string>(published);
  for (const st of Object.values(doc.sources)) {
    for (const rev of st.kept) {
      const m = /sha1:([0-9a-f]{40})$/.exec(rev);
      if (m) keep.add(m[1]!);
    }
    if (st.hold) keep.add(st.hold.commit);
  }
  return keep;
}

/** Removes snapshots nothing keeps; returns the commits removed. */
export async function collectSnapshots(stateDir: string, doc: StatusDoc): Promise<string[]> {
  const published: string[] = [];
  for (const st of Object.values(doc.sources)) {
    const c = await readPublished(stateDir, st.agent, st.source);
    if (c) published.push(c);
  }
  const keep = planKeep(doc, published);
  const gone = (await listSnapshots(stateDir)).filter((c) => !keep.has(c));
  for (const c of gone) await removeSnapshot(stateDir, c);
  return gone;
}

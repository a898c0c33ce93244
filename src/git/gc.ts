// Snapshot collection: keep every source's last N applied revisions, whatever is published
// and whatever a rollback holds; remove the rest.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
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
  const keep = planKeep(doc, await readAllPublished(stateDir));
  const gone = (await listSnapshots(stateDir)).filter((c) => !keep.has(c));
  for (const c of gone) await removeSnapshot(stateDir, c);
  return gone;
}

/** Every commit a <state_dir>/<agent>/<source>/current link points at, found on disk (status may be incomplete). */
async function readAllPublished(stateDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const agent of await readdir(stateDir, { withFileTypes: true }).catch(() => [])) {
    if (!agent.isDirectory() || agent.name === "snapshots" || agent.name === "mirrors") continue;
    for (const source of await readdir(join(stateDir, agent.name), { withFileTypes: true }).catch(() => [])) {
      if (!source.isDirectory()) continue;
      const c = await readPublished(stateDir, agent.name, source.name);
      if (c) out.push(c);
    }
  }
  return out;
}

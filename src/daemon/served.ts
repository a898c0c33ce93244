// Which soul revision each agent's service runs. `sync`, `plan` and `apply` all build the service's
// desired .env from this, so they agree on it (SOULSYNC_SOUL_COMMIT).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Bootstrap } from "../config/bootstrap.js";
import { HOST_AGENT } from "../git/sources.js";
import { fileStatusStore } from "../git/status/store.js";
import { writeFileAtomic } from "../reconcile/drivers/files.js";

const servedPath = (boot: Bootstrap) => join(boot.state_dir, "reconcile", "souls.json");

async function readServedFile(boot: Bootstrap): Promise<Record<string, string>> {
  const text = await readFile(servedPath(boot), "utf8").catch(() => "{}");
  try {
    const doc = JSON.parse(text) as unknown;
    return doc && typeof doc === "object" && !Array.isArray(doc) ? Object.assign(Object.create(null), doc) : {};
  } catch {
    return {}; // a damaged file only means the live revisions in status are used
  }
}

/** The soul revision each agent's service runs: the live one in status, else the one last recorded. */
export async function readServedSouls(boot: Bootstrap): Promise<Record<string, string>> {
  const doc = await fileStatusStore(boot.state_dir).read();
  const out = await readServedFile(boot);
  for (const s of Object.values(doc.sources)) {
    if (s.agent === HOST_AGENT || s.source !== "soul") continue;
    const live = s.live ?? (s.lastApplied && s.stepsDone?.startsWith(s.lastApplied.slice(-40)) ? s.lastApplied : undefined);
    if (live) out[s.agent] = live;
  }
  return out;
}

/** Records what an agent's service runs after its service step succeeded (callers hold the host lock). */
export async function recordServedSoul(boot: Bootstrap, agent: string, revision: string): Promise<void> {
  const souls = await readServedFile(boot);
  souls[agent] = revision;
  await writeFileAtomic(servedPath(boot), `${JSON.stringify(souls, null, 2)}\n`, 0o644);
}

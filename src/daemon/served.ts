// Which soul revision each agent's service runs. `sync`, `plan` and `apply` all build the service's
// desired .env from this, so they agree on it (SOULSYNC_SOUL_REVISION).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Bootstrap } from "../config/bootstrap.js";
import { HOST_AGENT } from "../git/sources.js";
import { readStatus } from "../git/sync.js";
import { writeFileAtomic } from "../reconcile/drivers/files.js";

const servedPath = (boot: Bootstrap) => join(boot.state_dir, "reconcile", "souls.json");

/**
 * The soul revision each agent's service should run: the published one once its import and render
 * succeeded, else the one the service last ran (a half-applied soul never restarts the agent).
 */
export async function readServedSouls(boot: Bootstrap): Promise<Record<string, string>> {
  const doc = await readStatus(boot);
  const text = await readFile(servedPath(boot), "utf8").catch(() => "{}");
  let out: Record<string, string>;
  try {
    out = JSON.parse(text) as Record<string, string>;
  } catch {
    out = {}; // a damaged file only means the published revisions are used
  }
  for (const s of Object.values(doc.sources)) {
    if (s.agent === HOST_AGENT || s.source !== "soul" || !s.lastApplied) continue;
    if (s.stepsDone?.startsWith(s.lastApplied.slice(-40))) out[s.agent] = s.lastApplied;
  }
  return out;
}

/** Records what the services run after a successful service step. */
export async function recordServedSouls(boot: Bootstrap, souls: Record<string, string>): Promise<void> {
  await writeFileAtomic(servedPath(boot), `${JSON.stringify(souls, null, 2)}\n`, 0o644);
}

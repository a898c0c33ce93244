// One sync at a time per state directory: an exclusive lock file holding the owner's pid.
// A lock left by a dead process (crash, kill -9) is taken over.
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { transientError } from "../core/errors.js";
import { tryTakePidLock } from "../core/pid-lock.js";

/** Takes <state_dir>/sync.lock; resolves to its release function. Throws E_SYNC_BUSY while another run holds it. */
export async function acquireLock(stateDir: string): Promise<() => Promise<void>> {
  await mkdir(stateDir, { recursive: true });
  const path = join(stateDir, "sync.lock");
  // Two tries: the first may only clear a stale lock left by a dead process.
  for (let attempt = 0; attempt < 2; attempt++) {
    const r = await tryTakePidLock(path);
    if (r.taken) return () => rm(path, { force: true });
    if (r.owner !== undefined) {
      throw transientError("E_SYNC_BUSY", `another soulsync run (pid ${r.owner}) holds ${path}`, { pid: r.owner });
    }
  }
  throw transientError("E_SYNC_BUSY", `cannot take ${path}`, {});
}

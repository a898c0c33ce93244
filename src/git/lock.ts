// One sync at a time per state directory: an exclusive lock file holding the owner's pid.
// A lock left by a dead process (crash, kill -9) is taken over.
import { join } from "node:path";
import { transientError } from "../core/errors.js";
import { takeLockFile } from "../core/pid-lock.js";

/** Takes <state_dir>/sync.lock; resolves to its release function. Throws E_SYNC_BUSY while another run holds it. */
export function acquireLock(stateDir: string): Promise<() => Promise<void>> {
  const path = join(stateDir, "sync.lock");
  return takeLockFile(path, (owner) =>
    owner === undefined ? transientError("E_SYNC_BUSY", `cannot take ${path}`, {}) : transientError("E_SYNC_BUSY", `another soulsync run (pid ${owner}) holds ${path}`, { pid: owner }),
  );
}

// PGlite is one process's database: two processes opening the same data directory would
// corrupt it. A lock file holding the owner's pid keeps them apart; a lock left by a process
// that died (kill -9) is taken over, since its pid no longer runs.
import { unlink } from "node:fs/promises";
import { transientError } from "../../core/errors.js";
import { tryTakePidLock } from "../../core/pid-lock.js";

/** Locks this process holds, so a second open in the same process waits like any other. */
const held = new Set<string>();

async function tryTake(path: string): Promise<boolean> {
  if (held.has(path)) return false;
  return (await tryTakePidLock(path)).taken;
}

/** Takes `path` as an exclusive lock, waiting up to `waitMs`; returns the release function. */
export async function lockDir(path: string, waitMs = 30_000, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await tryTake(path)) {
      held.add(path);
      return async () => {
        held.delete(path);
        await unlink(path).catch(() => {});
      };
    }
    if (Date.now() >= deadline) {
      throw transientError("E_DB_BUSY", `the embedded database is in use by another soulsync process (lock ${path})`, { path });
    }
    await sleep(100);
  }
}

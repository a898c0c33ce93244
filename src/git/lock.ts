// One sync at a time per state directory: an exclusive lock file holding the owner's pid.
// A lock left by a dead process (crash, kill -9) is taken over.
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { transientError } from "../core/errors.js";

/** Takes <state_dir>/sync.lock; resolves to its release function. Throws E_SYNC_BUSY while another run holds it. */
export async function acquireLock(stateDir: string): Promise<() => Promise<void>> {
  await mkdir(stateDir, { recursive: true });
  const path = join(stateDir, "sync.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(path, "wx");
      await fh.writeFile(`${process.pid}\n`);
      await fh.close();
      return () => rm(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
      if (pid > 0 && pid !== process.pid && alive(pid)) {
        throw transientError("E_SYNC_BUSY", `another soulsync run (pid ${pid}) holds ${path}`, { pid });
      }
      await rm(path, { force: true });
    }
  }
  throw transientError("E_SYNC_BUSY", `cannot take ${path}`, {});
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

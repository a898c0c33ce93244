// A lock file holding its owner's pid, shared by the sync lock and the embedded database lock.
// A lock left by a process that died (crash, kill -9) is taken over: its pid no longer runs.
import { open, readFile, unlink } from "node:fs/promises";

/** True while a process with this pid runs (EPERM: it runs, as another user). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export type TakeResult = { taken: true } | { taken: false; owner: number | undefined };

/**
 * Tries once to create `path` holding our pid. When it exists and its owner is gone (or it is
 * empty from a crash mid-write, or holds our own pid from a dead process whose pid was reused),
 * removes it so the next try can win the race.
 */
export async function tryTakePidLock(path: string): Promise<TakeResult> {
  try {
    const fh = await open(path, "wx");
    await fh.writeFile(`${process.pid}\n`);
    await fh.close();
    return { taken: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const pid = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) return { taken: false, owner: pid };
  await unlink(path).catch(() => {});
  return { taken: false, owner: undefined };
}

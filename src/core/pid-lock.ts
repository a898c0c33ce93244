// A lock file holding its owner's pid, shared by the sync lock and the embedded database lock.
// A lock left by a process that died (crash, kill -9) is taken over: its pid no longer runs,
// or it is a zombie (exited, not yet reaped by its parent), which will never release it either.
import { mkdir, open, readFile, rm, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { run } from "../exec/run.js";

/** The state letter of a /proc/PID/stat line (pure): the field after the last ")" (comm may hold spaces and parentheses). */
export function parseProcStatState(line: string): string | undefined {
  const end = line.lastIndexOf(")");
  return end < 0 ? undefined : /^\s*(\S)/.exec(line.slice(end + 1))?.[1];
}

/** The scheduler state of `pid`: Linux's /proc/PID/stat, else `ps -o state=` (FreeBSD, which has no /proc by default); undefined when unknown. */
export async function readProcessState(pid: number): Promise<string | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => undefined);
  if (stat !== undefined) return parseProcStatState(stat);
  // FreeBSD ps(1): state "Z" is a zombie (procfs is not mounted by default there).
  const r = await run(["ps", "-o", "state=", "-p", String(pid)], { reject: false, timeout: 10_000 }).catch(() => undefined);
  return r && r.exitCode === 0 ? r.stdout.trim().charAt(0) || undefined : undefined;
}

/** True while a process with this pid runs (EPERM: it runs, as another user); a zombie or dead task does not. */
export async function pidAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const state = await readProcessState(pid);
  return state !== "Z" && state !== "X";
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
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && (await pidAlive(pid))) return { taken: false, owner: pid };
  await unlink(path).catch(() => {});
  return { taken: false, owner: undefined };
}

/**
 * Takes the lock file `path` (making its folder), clearing a stale one on the way; resolves to its
 * release. `busy` makes the error for a lock a live process holds (`owner` undefined: the race
 * for a stale one was lost twice).
 */
export async function takeLockFile(path: string, busy: (owner: number | undefined) => Error): Promise<() => Promise<void>> {
  await mkdir(dirname(path), { recursive: true });
  // Two tries: the first may only clear a stale lock left by a dead process.
  for (let attempt = 0; attempt < 2; attempt++) {
    const r = await tryTakePidLock(path);
    if (r.taken) return () => rm(path, { force: true });
    if (r.owner !== undefined) throw busy(r.owner);
  }
  throw busy(undefined);
}

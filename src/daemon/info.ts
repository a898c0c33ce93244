// <state>/daemon.json: where a running daemon listens, written once it is listening (a listen
// address with port 0 gets an ephemeral port, recorded here) and removed when it stops.
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";

export interface DaemonInfo {
  pid: number;
  socket: string;
  webhook: string | null;
  metrics: string | null;
  startedAt: string;
  host: string;
}

export const daemonInfoPath = (stateDir: string): string => join(stateDir, "daemon.json");

export async function readDaemonInfo(stateDir: string): Promise<DaemonInfo | undefined> {
  try {
    return JSON.parse(await readFile(daemonInfoPath(stateDir), "utf8")) as DaemonInfo;
  } catch {
    return undefined;
  }
}

export async function removeDaemonInfo(stateDir: string): Promise<void> {
  await rm(daemonInfoPath(stateDir), { force: true });
}

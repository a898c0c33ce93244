// A real zombie process: `sleep 0.1` exits after its shell has exec'd into `sleep 60`, which
// never waits for it, so it stays in state Z until the parent goes (killed after the test).
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { after } from "node:test";
import { readProcessState } from "../../src/core/pid-lock.js";

/** The pid of a zombie (state Z), its parent killed when the calling scope ends. */
export async function zombiePid(): Promise<number> {
  const parent = spawn("sh", ["-c", "sleep 0.1 & echo $!; exec sleep 60"], { stdio: ["ignore", "pipe", "inherit"] });
  after(() => parent.kill("SIGKILL"));
  const pid = await new Promise<number>((resolve) => parent.stdout!.once("data", (d: Buffer) => resolve(Number.parseInt(d.toString(), 10))));
  for (let i = 0; i < 500 && (await readProcessState(pid)) !== "Z"; i++) await sleep(10);
  return pid;
}

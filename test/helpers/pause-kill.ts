// Kills a real soulsync process at an exact step: SOULSYNC_TEST_PAUSE_AT makes it stop itself
// (SIGSTOP) there and say so on stderr (src/core/test-pause.ts); then SIGKILL, as a crash or an
// OOM kill would. No timing involved.
import { spawn } from "node:child_process";
import { BIN, ROOT } from "./cli.js";

export interface KillResult {
  /** True when the process reached the step (and was killed there); false when it exited first. */
  paused: boolean;
  /** Exit status when it exited on its own. */
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `soulsync args…` until it reaches `at` (`step` or `step#n`), then SIGKILLs it. */
export function killAt(args: string[], at: string, env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<KillResult> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", SOULSYNC_DEBUG: "", DATABASE_URL: "", SOULSYNC_DATABASE_URL: "", ...env, SOULSYNC_TEST_PAUSE_AT: at },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let paused = false;
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
    if (!paused && /^soulsync-test-pause /m.test(stderr)) {
      paused = true;
      child.kill("SIGKILL");
    }
  });
  return new Promise((resolve) => {
    child.once("close", (status, signal) => resolve({ paused, status, signal, stdout, stderr }));
  });
}

export interface Paused {
  pid: number;
  /** SIGCONT: lets it run on; resolves with its exit once it ends. */
  resume(): Promise<{ status: number | null; stdout: string; stderr: string }>;
  kill(): Promise<void>;
}

/** Runs `soulsync args…` until it stops itself at `at`, and hands it over stopped (alive, holding whatever it holds). */
export function pauseAt(args: string[], at: string, env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<Paused> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", SOULSYNC_DEBUG: "", DATABASE_URL: "", SOULSYNC_DATABASE_URL: "", ...env, SOULSYNC_TEST_PAUSE_AT: at },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  const closed = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once("close", (status) => resolve({ status, stdout, stderr })),
  );
  return new Promise((resolve, reject) => {
    child.stderr.on("data", (d: Buffer) => {
      const was = stderr;
      stderr += d.toString();
      if (!/^soulsync-test-pause /m.test(was) && /^soulsync-test-pause /m.test(stderr)) {
        resolve({
          pid: child.pid!,
          resume: () => {
            child.kill("SIGCONT");
            return closed;
          },
          kill: async () => {
            child.kill("SIGKILL");
            await closed;
          },
        });
      }
    });
    void closed.then((r) => reject(new Error(`exited (${r.status}) before reaching ${at}: ${r.stderr}`)));
  });
}

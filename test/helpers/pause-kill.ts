// Kills a real soulsync process at an exact step: SOULSYNC_TEST_PAUSE_AT makes it stop itself
// (SIGSTOP) there and say so on stderr (src/core/test-pause.ts); then SIGKILL, as a crash or an
// OOM kill would. No timing involved.
import { type ChildProcess, spawn } from "node:child_process";
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

interface Launched {
  child: ChildProcess;
  /** True once it stopped at the step, false when it exited without reaching it. */
  reached: Promise<boolean>;
  closed: Promise<KillResult>;
}

function launch(args: string[], at: string, env: NodeJS.ProcessEnv, cwd: string): Launched {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", SOULSYNC_DEBUG: "", DATABASE_URL: "", SOULSYNC_DATABASE_URL: "", ...env, SOULSYNC_TEST_PAUSE_AT: at },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let paused = false;
  let onReach: (v: boolean) => void = () => {};
  const reached = new Promise<boolean>((r) => {
    onReach = r;
  });
  child.stdout!.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on("data", (d: Buffer) => {
    stderr += d.toString();
    if (!paused && /^soulsync-test-pause /m.test(stderr)) {
      paused = true;
      onReach(true);
    }
  });
  const closed = new Promise<KillResult>((resolve) =>
    child.once("close", (status, signal) => {
      onReach(false);
      resolve({ paused, status, signal, stdout, stderr });
    }),
  );
  return { child, reached, closed };
}

/** Runs `soulsync args…` until it reaches `at` (`step` or `step#n`), then SIGKILLs it. */
export async function killAt(args: string[], at: string, env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<KillResult> {
  const l = launch(args, at, env, cwd);
  if (await l.reached) l.child.kill("SIGKILL");
  return l.closed;
}

export interface Paused {
  pid: number;
  /** SIGCONT: lets it run on; resolves with its exit once it ends. */
  resume(): Promise<KillResult>;
  kill(): Promise<KillResult>;
}

/** Runs `soulsync args…` until it stops itself at `at`, and hands it over stopped (alive, holding whatever it holds). */
export async function pauseAt(args: string[], at: string, env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<Paused> {
  const l = launch(args, at, env, cwd);
  if (!(await l.reached)) throw new Error(`exited before reaching ${at}: ${(await l.closed).stderr}`);
  return {
    pid: l.child.pid!,
    resume: () => {
      l.child.kill("SIGCONT");
      return l.closed;
    },
    kill: () => {
      l.child.kill("SIGKILL");
      return l.closed;
    },
  };
}

// The daemon as a real child process, per DAEMON-SPEC.md (the lead's contract for issue 10):
// `soulsync daemon --config FILE`, pino JSON lines on stdout (every line has "event"; tests wait
// for "ready" and "run"), <state>/daemon.json with the ephemeral webhook address once listening.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, ROOT } from "../../helpers/cli.js";
import { eventually } from "./wait.js";

export interface DaemonEvent {
  event: string;
  agent?: string;
  result?: string;
  revision?: string;
  code?: string;
  trigger?: string;
  [k: string]: unknown;
}

export interface Daemon {
  child: ChildProcess;
  pid: number;
  events: DaemonEvent[];
  stderr(): string;
  /** Resolves with the first event (from `from` on) that matches. */
  waitFor(what: string, match: (e: DaemonEvent) => boolean, from?: number): Promise<DaemonEvent>;
  /** Resolves when the process has exited, with its status or signal. */
  exited: Promise<{ status: number | null; signal: NodeJS.Signals | null }>;
  /** `<state>/daemon.json`, once written. */
  info(): Promise<{ pid: number; socket: string; webhook: string | null; metrics: string | null }>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** Starts `soulsync daemon --config config`; `pauseAt` sets SOULSYNC_TEST_PAUSE_AT. */
export function startDaemon(config: string, stateDir: string, opts: { pauseAt?: string; env?: NodeJS.ProcessEnv } = {}): Daemon {
  const child = spawn(process.execPath, [BIN, "daemon", "--config", config], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "", SOULSYNC_DATABASE_URL: "", ...opts.env, SOULSYNC_TEST_PAUSE_AT: opts.pauseAt ?? "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const events: DaemonEvent[] = [];
  let err = "";
  let partial = "";
  child.stdout!.on("data", (d: Buffer) => {
    partial += d.toString();
    const lines = partial.split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      try {
        events.push(JSON.parse(line) as DaemonEvent);
      } catch {
        // not JSON: ignored (the spec promises JSON lines when stdout is not a TTY)
      }
    }
  });
  child.stderr!.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (status, signal) => resolve({ status, signal })),
  );
  let done = false;
  void exited.then(() => {
    done = true;
  });
  const d: Daemon = {
    child,
    pid: child.pid!,
    events,
    stderr: () => err,
    exited,
    waitFor: (what, match, from = 0) =>
      eventually(`daemon event: ${what} (stderr: ${err.slice(-400)})`, () => {
        const hit = events.slice(from).find(match);
        if (hit) return hit;
        if (done) throw new Error(`the daemon exited before ${what}: ${err.slice(-800)}`);
        return undefined;
      }),
    info: () =>
      eventually("daemon.json", () => {
        const p = join(stateDir, "daemon.json");
        if (done) throw new Error(`the daemon exited: ${err.slice(-800)}`);
        return existsSync(p) ? (JSON.parse(readFileSync(p, "utf8")) as Awaited<ReturnType<Daemon["info"]>>) : undefined;
      }),
    async stop() {
      if (done) return;
      child.kill("SIGTERM");
      await exited;
    },
    async kill() {
      if (done) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
  return d;
}

/**
 * The stop line test-pause prints on stderr, once the daemon has stopped itself there. Fails at
 * once when the daemon exits first, or when an event matching `passed` (from event `from` on) says
 * the run went by without reaching the step (e.g. a step the bootstrap leaves out).
 */
export function pausedAt(d: Daemon, passed?: (e: DaemonEvent) => boolean, from = 0): Promise<string> {
  return eventually("the daemon to pause", () => {
    const at = /^soulsync-test-pause (\S+)/m.exec(d.stderr())?.[1];
    if (at) return at;
    const gone = d.child.exitCode !== null || d.child.signalCode !== null;
    if (gone) throw new Error(`the daemon exited before pausing: ${d.stderr().slice(-800)}`);
    const ran = passed && d.events.slice(from).find(passed);
    if (ran) throw new Error(`the run ended without reaching the pause point: ${JSON.stringify(ran)}`);
    return undefined;
  });
}

// The daemon as a real child process: its JSON log lines collected, and a way to wait for one.
import { type ChildProcess, spawn } from "node:child_process";
import { after } from "node:test";
import { BIN, ROOT } from "../../helpers/cli.js";

export interface LogLine {
  event: string;
  [k: string]: unknown;
}

export interface DaemonChild {
  proc: ChildProcess;
  lines: LogLine[];
  stderr(): string;
  /** Resolves with the first line (from `from` on) that matches; rejects after `ms` or on exit. */
  waitFor(match: (l: LogLine) => boolean, ms?: number, from?: number): Promise<LogLine>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export function startChild(args: string[], env: NodeJS.ProcessEnv = {}): DaemonChild {
  const proc = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1", SOULSYNC_DEBUG: "", DATABASE_URL: "", SOULSYNC_DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: LogLine[] = [];
  let err = "";
  let buf = "";
  const listeners = new Set<() => void>();
  proc.stdout!.setEncoding("utf8");
  proc.stdout!.on("data", (d: string) => {
    buf += d;
    let nl = buf.indexOf("\n");
    while (nl >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      try {
        lines.push(JSON.parse(line) as LogLine);
      } catch {
        lines.push({ event: "unparsed", text: line });
      }
      nl = buf.indexOf("\n");
    }
    for (const f of listeners) f();
  });
  proc.stderr!.setEncoding("utf8");
  proc.stderr!.on("data", (d: string) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => {
    for (const f of listeners) f();
    resolve(code);
  }));
  after(() => {
    if (proc.exitCode === null) proc.kill("SIGKILL");
  });
  return {
    proc,
    lines,
    stderr: () => err,
    exited,
    waitFor(match, ms = 120_000, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = lines.slice(from).find(match);
          if (hit) return done(() => resolve(hit));
          if (proc.exitCode !== null) done(() => reject(new Error(`the daemon exited (${proc.exitCode}) before the line came; stderr: ${err}; log: ${JSON.stringify(lines.slice(-5))}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no such line within ${ms} ms; log tail: ${JSON.stringify(lines.slice(-5))}; stderr: ${err}`))), ms);
        const done = (f: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          f();
        };
        listeners.add(check);
        check();
      });
    },
  };
}

// Runs the built CLI as a real process (tests run after `npm run build`).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = fileURLToPath(new URL("../../bin/soulsync.js", import.meta.url));

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function soulsync(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    // The real server is used only when a test asks for it: CI's DATABASE_URL must not make every
    // `sync` in the suite import into one shared database.
    env: { ...process.env, NO_COLOR: "1", SOULSYNC_DEBUG: "", DATABASE_URL: "", SOULSYNC_DATABASE_URL: "", ...options.env },
    input: options.input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

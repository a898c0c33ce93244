// The one process runner: every external command goes through here as an argv array,
// never a shell string. Failures become SoulsyncError E_CMD_FAILED / E_CMD_NOT_FOUND
// with stderr attached and URLs redacted. Standard input is closed unless `input` is given.
import { execa } from "execa";
import { SoulsyncError } from "../core/errors.js";
import { redactUrls } from "../core/redact.js";

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string | Uint8Array;
  /** Milliseconds; default 5 minutes. */
  timeout?: number;
  /** Do not throw on a non-zero exit status; return the result instead. */
  reject?: boolean;
}

export interface RunResult {
  argv: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Renders argv for a message: each argument quoted only when needed, URLs redacted. */
export function formatArgv(argv: readonly string[]): string {
  return redactUrls(argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(" "));
}

/** The error for a command that exited non-zero: its last stderr lines, URLs redacted. */
export function commandFailed(argv: readonly string[], exitCode: number, stderr: string, timedOut = false): SoulsyncError {
  const why = redactUrls(stderr.trim().split("\n").slice(-5).join("\n"));
  const how = timedOut ? "timed out" : `exited ${exitCode}`;
  return new SoulsyncError("E_CMD_FAILED", `${formatArgv(argv)} ${how}${why ? `: ${why}` : ""}`, {
    kind: "environment",
    data: { argv: [...argv], exitCode, stderr: redactUrls(stderr) },
  });
}

/** Spawns argv with no shell; a missing program becomes E_CMD_NOT_FOUND, everything else is returned. */
async function spawn<E extends "utf8" | "buffer">(argv: readonly string[], options: RunOptions, encoding: E) {
  const [file, ...args] = argv;
  if (!file) throw new SoulsyncError("E_CMD_EMPTY", "empty command", { kind: "internal" });
  const result = await execa(file, args, {
    cwd: options.cwd,
    env: options.env,
    input: options.input,
    // A command never waits on a prompt: without input its stdin is /dev/null, so a read gets EOF
    // (`bastille destroy` without -y reads an answer from stdin since 1.0).
    stdin: options.input === undefined ? "ignore" : "pipe",
    timeout: options.timeout ?? 300_000,
    reject: false,
    shell: false,
    stripFinalNewline: encoding === "utf8",
    encoding,
    maxBuffer: 1024 * 1024 * 1024,
  });
  if ((result as { code?: string }).code === "ENOENT") {
    throw new SoulsyncError("E_CMD_NOT_FOUND", `command not found: ${file}`, { kind: "environment", data: { argv: formatArgv(argv) } });
  }
  return result;
}

/** Runs `argv[0]` with `argv.slice(1)`; no shell is involved. */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const result = await spawn(argv, options, "utf8");
  const out: RunResult = {
    argv: [...argv],
    exitCode: result.exitCode ?? -1,
    stdout: String(result.stdout ?? ""),
    stderr: String(result.stderr ?? ""),
  };
  if (out.exitCode !== 0 && options.reject !== false) throw commandFailed(argv, out.exitCode, out.stderr, result.timedOut);
  return out;
}

export interface RunBytesResult {
  argv: string[];
  exitCode: number;
  stdout: Uint8Array;
  stderr: string;
}

/** Like `run`, but stdout is returned as raw bytes (git blobs are not always UTF-8). */
export async function runBytes(argv: readonly string[], options: RunOptions = {}): Promise<RunBytesResult> {
  const result = await spawn(argv, options, "buffer");
  const stderr = Buffer.from(result.stderr ?? new Uint8Array()).toString("utf8");
  const out: RunBytesResult = { argv: [...argv], exitCode: result.exitCode ?? -1, stdout: result.stdout ?? new Uint8Array(), stderr };
  if (out.exitCode !== 0 && options.reject !== false) throw commandFailed(argv, out.exitCode, stderr, result.timedOut);
  return out;
}

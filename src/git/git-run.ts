// The one door to git for the source side: every call goes through the process runner with a
// fixed, non-interactive environment and transports that run commands switched off.
import { type RunResult, run } from "../exec/run.js";

export interface GitCall {
  /** Operate on this git dir (never discovered from the working directory). */
  gitDir?: string;
  /** Working directory (a repo with a worktree); prefer gitDir for bare repos. */
  cwd?: string;
  /** Extra environment (credentials, GNUPGHOME); merged over the fixed one. */
  env?: Record<string, string>;
  /** Extra `-c key=value` pairs. */
  config?: [string, string][];
  reject?: boolean;
  timeout?: number;
}

/** The environment every git call gets: no prompts, stable English messages, no pager. */
export const GIT_ENV: Record<string, string> = {
  GIT_TERMINAL_PROMPT: "0",
  GCM_INTERACTIVE: "never",
  GIT_SSH_COMMAND: "ssh -o BatchMode=yes",
  GIT_PAGER: "cat",
  LC_ALL: "C",
  LANG: "C",
};

/** Builds git's argv (pure): fixed safety options first, then the call's own. */
export function gitArgv(args: readonly string[], call: GitCall = {}): string[] {
  const argv = ["git", "-c", "protocol.ext.allow=never", "-c", "protocol.fd.allow=never"];
  for (const [k, v] of call.config ?? []) argv.push("-c", `${k}=${v}`);
  if (call.gitDir) argv.push("--git-dir", call.gitDir);
  return [...argv, ...args];
}

/** Runs git; throws SoulsyncError E_CMD_FAILED (stderr attached, URLs redacted) unless reject is false. */
export function git(args: readonly string[], call: GitCall = {}): Promise<RunResult> {
  return run(gitArgv(args, call), {
    cwd: call.cwd,
    env: { ...GIT_ENV, ...call.env },
    reject: call.reject,
    timeout: call.timeout,
  });
}

// Real git repositories for the scan and hook tests (argv arrays, no shell).
import { execFileSync } from "node:child_process";
import { writeTree } from "../helpers/tmp.js";

export const gitIn = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org" },
  }).trim();

/** Writes files and commits them; returns the commit id. */
export function commit(dir: string, files: Record<string, string>, message = "change"): string {
  writeTree(dir, files);
  gitIn(dir, "add", "-A");
  gitIn(dir, "commit", "-q", "--allow-empty", "-m", message);
  return gitIn(dir, "rev-parse", "HEAD");
}

/** Runs git and returns status and stderr instead of throwing (for refused pushes). */
export function tryGit(cwd: string, ...args: string[]): { status: number; stderr: string } {
  try {
    execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { status: 0, stderr: "" };
  } catch (e) {
    const err = e as { status: number; stderr: string };
    return { status: err.status, stderr: String(err.stderr) };
  }
}

// Real throwaway git repos for tests (changesets' gitdir() idea): write a tree, commit it.
import { execFileSync } from "node:child_process";
import type { FileTree } from "./tmp.js";
import { tmpDir, writeTree } from "./tmp.js";

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.invalid",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.invalid",
  GIT_CONFIG_NOSYSTEM: "1",
};

/** Runs git in `dir` and returns its trimmed stdout. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-C", dir, "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", ...args], {
    env: ENV,
    encoding: "utf8",
  }).trim();
}

/** A new repo on branch main with `files` committed; returns its path. */
export function gitRepo(files: FileTree, message = "initial"): string {
  const dir = tmpDir("soulsync-git-");
  git(dir, "init", "--quiet", "--initial-branch=main");
  writeTree(dir, files);
  git(dir, "add", "--all");
  git(dir, "commit", "--quiet", "-m", message);
  return dir;
}

/** Writes `files` into the repo and commits them; returns the new commit id. */
export function commit(dir: string, files: FileTree, message = "change"): string {
  writeTree(dir, files);
  git(dir, "add", "--all");
  git(dir, "commit", "--quiet", "-m", message);
  return git(dir, "rev-parse", "HEAD");
}

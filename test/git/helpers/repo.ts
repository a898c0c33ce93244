// Real throwaway git repos for the git tests: a working soul repo and a bare origin it pushes to.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { starterSoul } from "../../../src/soul/starter.js";
import { type FileTree, writeTree } from "../../helpers/tmp.js";

const IDENTITY = {
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

/** Runs git synchronously in `cwd`; returns trimmed stdout. */
export function g(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, env: { ...process.env, ...IDENTITY }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** The files of a valid starter soul for `agent`. */
export function soulFiles(agent = "atlas"): FileTree {
  return Object.fromEntries(starterSoul({ agent, displayName: "Atlas", today: "2026-01-01" }));
}

export interface SoulRepo {
  work: string;
  origin: string;
  /** Writes files, commits, pushes main (force when asked); returns the commit. */
  commit(files: FileTree, message?: string, opts?: { force?: boolean; branch?: string }): string;
  /** Creates (or moves, with force) a tag at HEAD and pushes it. */
  tag(name: string, opts?: { annotate?: boolean; sign?: string; force?: boolean }): string;
  head(): string;
}

/** A working repo at root/work and its bare origin at root/<name>.git, with one commit on main. */
export function soulRepo(root: string, name = "atlas"): SoulRepo {
  const work = join(root, `${name}-work`);
  const origin = join(root, `${name}.git`);
  mkdirSync(work, { recursive: true });
  g(root, "init", "-q", "--bare", "--initial-branch=main", origin);
  g(work, "init", "-q", "--initial-branch=main");
  g(work, "remote", "add", "origin", origin);
  const repo: SoulRepo = {
    work,
    origin,
    commit(files, message = "change", opts = {}) {
      for (const [p, c] of Object.entries(files)) if (c === "") rmSync(join(work, p), { force: true });
      writeTree(work, Object.fromEntries(Object.entries(files).filter(([, c]) => c !== "")));
      g(work, "add", "--all");
      g(work, "commit", "-q", "--allow-empty", "--no-gpg-sign", "-m", message);
      g(work, "push", "-q", ...(opts.force ? ["--force"] : []), "origin", `HEAD:refs/heads/${opts.branch ?? "main"}`);
      return repo.head();
    },
    tag(tagName, opts = {}) {
      const cfg = opts.sign ? ["-c", "gpg.format=ssh", "-c", `user.signingKey=${opts.sign}`] : [];
      const kind = opts.sign ? ["-s", "-m", tagName] : opts.annotate ? ["-a", "-m", tagName] : [];
      g(work, ...cfg, "tag", ...kind, ...(opts.force ? ["-f"] : []), tagName);
      g(work, "push", "-q", ...(opts.force ? ["--force"] : []), "origin", `refs/tags/${tagName}`);
      return repo.head();
    },
    head: () => g(work, "rev-parse", "HEAD"),
  };
  repo.commit(soulFiles(name), "initial soul");
  return repo;
}

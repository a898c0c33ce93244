// soulsync init: writes the starter soul into an empty directory and commits it.
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { inputError } from "../core/errors.js";
import { run } from "../exec/run.js";
import { starterSoul } from "./starter.js";

export interface InitResult {
  dir: string;
  files: string[];
  commit: string;
}

export async function initSoul(dir: string, agent: string, displayName: string, today: string): Promise<InitResult> {
  const existing = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return [];
    throw e;
  });
  if (existing.length > 0) {
    throw inputError("E_INIT_NOT_EMPTY", `${dir} is not empty; init only writes into an empty or new directory`, { dir });
  }
  const files = starterSoul({ agent, displayName, today });
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  // A commit needs an identity; fall back to soulsync's own when git has none configured.
  const env = {
    GIT_AUTHOR_NAME: process.env.GIT_AUTHOR_NAME ?? "soulsync",
    GIT_AUTHOR_EMAIL: process.env.GIT_AUTHOR_EMAIL ?? "soulsync@localhost",
    GIT_COMMITTER_NAME: process.env.GIT_COMMITTER_NAME ?? "soulsync",
    GIT_COMMITTER_EMAIL: process.env.GIT_COMMITTER_EMAIL ?? "soulsync@localhost",
  };
  await run(["git", "init", "--quiet", "--initial-branch=main", dir]);
  await run(["git", "-C", dir, "add", "--all"]);
  await run(["git", "-C", dir, "commit", "--quiet", "--no-gpg-sign", "-m", `Initial soul for ${agent}`], { env });
  const { stdout } = await run(["git", "-C", dir, "rev-parse", "HEAD"]);
  return { dir, files: [...files.keys()].sort(), commit: stdout.trim() };
}

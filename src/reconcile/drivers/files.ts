// Atomic file writes under a root directory ("/" on a real host, a directory for sim and tests).
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { internalError } from "../render/errors.js";
import type { Driver } from "./types.js";

/** Maps an absolute host path under `root`; refuses relative paths and `..`. */
export function underRoot(root: string, path: string): string {
  if (!path.startsWith("/") || path.split("/").includes("..")) throw internalError(`not a safe absolute path: ${path}`);
  return root === "/" ? path : join(root, path);
}

/** Temp file in the same directory, then rename: readers see the old or the new file, never half. */
export async function writeFileAtomic(target: string, content: string, mode: number): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = `${target}.soulsync-${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, content, { mode });
    await chmod(tmp, mode);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** The file's text, or undefined when it does not exist. */
export async function readFileIfExists(target: string): Promise<string | undefined> {
  return readFile(target, "utf8").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT" || e.code === "ENOTDIR") return undefined;
    throw e;
  });
}

/** The file door of a driver over `root`, counting each change through `mutated`. */
export function hostFiles(root: string, mutated: () => void): Pick<Driver, "readFile" | "writeFile" | "removeFile"> {
  return {
    readFile: (path) => readFileIfExists(underRoot(root, path)),
    async writeFile(path, content, mode) {
      mutated();
      await writeFileAtomic(underRoot(root, path), content, mode);
    },
    async removeFile(path) {
      mutated();
      await rm(underRoot(root, path), { force: true });
    },
  };
}

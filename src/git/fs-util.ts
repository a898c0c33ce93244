// Filesystem helpers for immutable trees: make read-only, and remove even when read-only.
import { lstat, rm } from "node:fs/promises";
import { run } from "../exec/run.js";

/**
 * Makes every file and directory under `root` (and root) read-only, keeping the executable bits.
 * One `chmod -R` process: thousands of chmod calls from node cost more than the export itself.
 * Symlinks met in the walk are not followed (POSIX chmod -R, GNU and FreeBSD alike).
 */
export async function makeReadOnly(root: string): Promise<void> {
  await run(["chmod", "-R", "a-w", "--", root]);
}

/** Removes `root` recursively, first giving its directories write permission back. */
export async function removeTree(root: string): Promise<void> {
  const st = await lstat(root).catch(() => undefined);
  if (!st) return;
  if (st.isDirectory()) await run(["chmod", "-R", "u+w", "--", root], { reject: false });
  await rm(root, { recursive: true, force: true });
}

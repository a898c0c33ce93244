// Filesystem helpers for immutable trees: make read-only, and remove even when read-only.
import { chmod, lstat, readdir, rm } from "node:fs/promises";
import { join } from "node:path";

/** Makes every file and directory under `root` (and root) read-only, keeping the executable bit. */
export async function makeReadOnly(root: string): Promise<void> {
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) {
        const st = await lstat(p);
        await chmod(p, st.mode & 0o100 ? 0o555 : 0o444);
      }
    }
    await chmod(dir, 0o555);
  };
  await walk(root);
}

/** Removes `root` recursively, first giving its directories write permission back. */
export async function removeTree(root: string): Promise<void> {
  const walk = async (dir: string): Promise<void> => {
    await chmod(dir, 0o755).catch(() => undefined);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isDirectory()) await walk(join(dir, e.name));
  };
  const st = await lstat(root).catch(() => undefined);
  if (!st) return;
  if (st.isDirectory()) await walk(root);
  await rm(root, { recursive: true, force: true });
}

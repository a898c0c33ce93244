// A small tmpfs the test mounts itself, to fill a disk for real (ENOSPC from the kernel, not a
// mocked write). Where mounting is not permitted (not root, no CAP_SYS_ADMIN, a container without
// it) the scenario is skipped with the reason — and under CI=true fails, but only as root, where
// it should work.
import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { after } from "node:test";

export interface Tmpfs {
  dir: string;
  /** Fills the file system to the last byte with a filler file. */
  fill(): void;
  /** Removes the filler. */
  free(): void;
}

/** Mounts a tmpfs of `bytes` at `dir` (created); undefined plus a reason when not permitted. */
export function mountTmpfs(dir: string, bytes: number): { fs: Tmpfs } | { skip: string } {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${bytes},mode=0755`, "tmpfs", dir], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (e) {
    const why = `cannot mount a tmpfs here (${String((e as { stderr?: Buffer }).stderr ?? e).trim() || "mount failed"}): the disk-full scenarios need root or CAP_SYS_ADMIN`;
    if (process.env.CI === "true" && process.getuid?.() === 0) throw new Error(`CI=true and root, yet ${why}`);
    return { skip: why };
  }
  after(() => {
    execFileSync("umount", ["-l", dir]);
  });
  const filler = join(dir, ".filler");
  return {
    fs: {
      dir,
      fill() {
        const fd = openSync(filler, "a");
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        try {
          for (;;) writeSync(fd, chunk);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e;
          // The last partial block.
          try {
            for (;;) writeSync(fd, chunk.subarray(0, 512));
          } catch {}
        } finally {
          closeSync(fd);
        }
      },
      free() {
        rmSync(filler, { force: true });
      },
    },
  };
}

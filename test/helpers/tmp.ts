// Temporary directories and inline file trees for tests (changesets' gitdir() helper, simplified).
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after } from "node:test";

/** A fresh directory removed when the test file ends. */
export function tmpDir(prefix = "soulsync-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // Retries: a child process killed by a later hook may still be writing into it.
  after(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));
  return dir;
}

export type FileTree = Record<string, string | Uint8Array | { symlink: string }>;

/** Writes `files` (path → content, or {symlink: target}) under `dir`. */
export function writeTree(dir: string, files: FileTree): string {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    if (typeof content === "object" && "symlink" in content) symlinkSync(content.symlink, abs);
    else writeFileSync(abs, content);
  }
  return dir;
}

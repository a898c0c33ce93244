// Where soulsync's own files (package.json, bin/, rc.d/) are, from any module: the compiled tree
// (dist/…), the bundle (dist/bundle/) and the sources run by tsx sit at different depths.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/** The directory holding soulsync's package.json, found by walking up from this module. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "soulsync") {
      cached = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`soulsync's package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** A file shipped with soulsync, by its path in the package (e.g. "rc.d/agent.in"). */
export const packageFile = (path: string): string => join(packageRoot(), path);

// Loads the bundled CLI (dist/bundle/*.cjs, built by scripts/bundle.mjs) with V8's code cache.
// Node 20 has no compile cache for ES modules (module.enableCompileCache is 22.1+), and compiling
// the chunks a command needs was the largest part of its start-up; vm.Script takes the bytecode
// V8 saved at build time instead. The chunks are CommonJS so vm.Script can compile them; each is
// loaded once, when first required, so `status` still never compiles the brain or git.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

export const BUNDLE_DIR = fileURLToPath(new URL("../dist/bundle/", import.meta.url));

/** Each chunk file is one CommonJS module's code inside this function expression (scripts/bundle.mjs). */
export const WRAPPER_START = "(function (exports, require, module, __filename, __dirname) {";
export const WRAPPER_END = "\n})";

/** The cache file of a chunk: dist/bundle/x.cjs → dist/bundle/x.cache. */
export const cacheFileOf = (file) => file.replace(/\.cjs$/, ".cache");

/**
 * True when the caches were written by this V8 on this machine type; otherwise they would be
 * read only to be rejected, so they are not read at all.
 */
function cacheMatches(dir) {
  try {
    const meta = JSON.parse(readFileSync(join(dir, "code-cache.json"), "utf8"));
    return meta.v8 === process.versions.v8 && meta.arch === process.arch;
  } catch {
    return false;
  }
}

/**
 * Returns the exports of `entry` (default `main.cjs`) in `dir`. `useCache: false` compiles from source only;
 * `loaded` (when given) receives every chunk's file and vm.Script, for writing the caches.
 */
export function loadBundle(dir = BUNDLE_DIR, { useCache = cacheMatches(dir), loaded, entry = "main.cjs" } = {}) {
  const modules = new Map();
  const load = (file) => {
    const known = modules.get(file);
    if (known) return known.exports;
    const module = { exports: {} };
    modules.set(file, module);
    const source = readFileSync(file, "utf8");
    let cachedData;
    if (useCache) {
      try {
        cachedData = readFileSync(cacheFileOf(file));
      } catch {
        // No cache for this chunk (not loaded while the caches were written): compile it.
      }
    }
    // A rejected cache (another V8, other flags) is ignored by V8: the chunk is compiled as usual.
    const script = new Script(source, { filename: file, cachedData });
    loaded?.push({ file, script });
    const outside = createRequire(file);
    const require = (id) => (id.startsWith("./") ? load(join(dir, id)) : outside(id));
    script.runInThisContext()(module.exports, require, module, file, dir);
    return module.exports;
  };
  return load(join(dir, entry));
}

// Bundles the CLI into dist/bundle/ (what bin/soulsync.js runs), so a command loads a few
// minified files instead of hundreds of modules. Code splitting keeps the lazy `import()` of each
// command's body: `status` does not parse the brain, `--version` parses almost nothing.
// PGlite and sql.js stay external: they load their wasm and data files from their own folders.
// The chunks are then turned into CommonJS, which bin/bundle-loader.js compiles with the V8 code
// cache that scripts/code-cache.mjs writes (Node 20 caches no ES module's bytecode).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { build, transform } from "esbuild";
import { WRAPPER_END, WRAPPER_START } from "../bin/bundle-loader.js";

// SOULSYNC_BUNDLE_DIR and SOULSYNC_BUNDLE_MINIFY=0 make a readable copy elsewhere, for profiling
// (a --cpu-prof of it names functions, and each module's code follows a `// src/…` comment).
const outdir = process.env.SOULSYNC_BUNDLE_DIR ?? "dist/bundle";
const minify = process.env.SOULSYNC_BUNDLE_MINIFY !== "0";

/**
 * zod's classic API re-exports every locale as `z.locales`, which defeats tree-shaking (about
 * 340 KB); soulsync uses only the English messages zod installs by default.
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      loader: "js",
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * gray-matter loads js-yaml (and through it esprima) for its default YAML engine, which soulsync
 * replaces: front matter is parsed with the yaml package (src/soul/frontmatter.ts) and
 * gray-matter's engines are stubs that never run. A stand-in that refuses keeps both out.
 */
const noJsYamlInGrayMatter = {
  name: "no-js-yaml-in-gray-matter",
  setup(b) {
    b.onResolve({ filter: /^js-yaml$/ }, (args) =>
      /[\\/]gray-matter[\\/]/.test(args.importer) ? { path: "js-yaml", namespace: "soulsync-stub" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "soulsync-stub" }, () => ({
      contents:
        'const refuse = () => { throw new Error("gray-matter\'s js-yaml engine is not bundled: soulsync parses front matter with yaml"); };\n' +
        "module.exports = { safeLoad: refuse, safeDump: refuse };",
      loader: "js",
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  write: false,
  // The daemon's embedded databases run in a process of their own (src/brain/db/pglite-host.ts,
  // started through bin/pglite-host.js).
  entryPoints: ["src/cli/main.ts", "src/brain/db/pglite-host.ts"],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify,
  entryNames: "[name]",
  chunkNames: "[name]-[hash]",
  // Named .cjs from the start, so the chunks' imports of each other already name the files written.
  outExtension: { ".js": ".cjs" },
  // pg-native is pg's optional native binding, never installed here.
  external: ["@electric-sql/pglite", "@electric-sql/pglite/*", "sql.js", "pg-native"],
  plugins: [zodEnglishOnly, noJsYamlInGrayMatter],
  logLevel: "warning",
  metafile: true,
});

/**
 * One ES module chunk as CommonJS: imports become require() (the loader resolves "./chunk…" to the
 * other chunks), a lazy import() becomes a require() in a promise (still lazy), and import.meta.url
 * is the chunk's own file URL, as it was.
 */
async function toCommonJs(code) {
  const usesMeta = code.includes("import.meta");
  const out = await transform(code, {
    format: "cjs",
    platform: "node",
    target: "node20",
    minify,
    supported: { "dynamic-import": false },
    define: usesMeta ? { "import.meta.url": "__soulsyncUrl" } : {},
    banner: usesMeta ? 'const __soulsyncUrl = require("node:url").pathToFileURL(__filename).href;' : "",
    logLevel: "warning",
  });
  return out.code;
}

mkdirSync(outdir, { recursive: true });
for (const file of result.outputFiles) {
  if (!file.path.endsWith(".cjs")) throw new Error(`unexpected bundle output ${basename(file.path)}`);
  // Written already wrapped as the function bin/bundle-loader.js compiles: the loader hands the
  // file's text to V8 as it is, without building (and V8 flattening) a second copy of it.
  writeFileSync(file.path, `${WRAPPER_START}${await toCommonJs(file.text)}${WRAPPER_END}`);
}
// What each output file holds, for finding what a command loads (esbuild --analyze reads it too).
writeFileSync(`${outdir}-meta.json`, JSON.stringify(result.metafile));

// The code cache: without it the CLI still runs, only slower to start.
// The commands it runs print as they would to an operator: shown only when it fails.
const cache = spawnSync(process.execPath, ["scripts/code-cache.mjs", outdir], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
if (cache.status !== 0) {
  console.warn(`${cache.stderr}warning: the code cache was not written (scripts/code-cache.mjs exited ${cache.status ?? cache.signal})`);
}

// Bundles the CLI into dist/bundle/ (what bin/soulsync.js runs), so a command loads a few
// minified files instead of hundreds of modules. Code splitting keeps the lazy `import()` of each
// command's body: `status` does not parse the brain, `--version` parses almost nothing.
// PGlite and sql.js stay external: they load their wasm and data files from their own folders.
import { rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { build } from "esbuild";

const outdir = "dist/bundle";

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
  // The daemon's embedded databases run in a process of their own (src/brain/db/pglite-host.ts).
  entryPoints: ["src/cli/main.ts", "src/brain/db/pglite-host.ts"],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  entryNames: "[name]",
  chunkNames: "[name]-[hash]",
  // pg-native is pg's optional native binding, never installed here.
  external: ["@electric-sql/pglite", "@electric-sql/pglite/*", "sql.js", "pg-native"],
  // CommonJS dependencies bundled into ESM call require() for node's built-ins.
  banner: { js: 'import { createRequire as __soulsyncRequire } from "node:module"; const require = __soulsyncRequire(import.meta.url);' },
  plugins: [zodEnglishOnly, noJsYamlInGrayMatter],
  logLevel: "warning",
  metafile: true,
});
// What each output file holds, for finding what a command loads (esbuild --analyze reads it too).
writeFileSync("dist/bundle-meta.json", JSON.stringify(result.metafile));

// Writes the V8 code cache of dist/bundle/ (run by scripts/bundle.mjs): runs the commands an
// operator and a git server run most, in this one process, then saves for every chunk they loaded
// the bytecode of what they compiled. bin/bundle-loader.js hands it back to V8 on the next start.
// The commands' output is not looked at (the bundle's own stdout is ignored); a command that
// fails still compiled what it ran. Nothing here is needed for the CLI to work, only to start fast.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { BUNDLE_DIR, cacheFileOf, loadBundle } from "../bin/bundle-loader.js";

/** The bundle to write the cache of (scripts/bundle.mjs passes its own folder). */
const bundleDir = process.argv[2] ? `${resolve(process.argv[2])}/` : BUNDLE_DIR;
const tmp = mkdtempSync(join(tmpdir(), "soulsync-code-cache-"));
// No operator's bootstrap file or database: the runs read the examples and write only under tmp.
process.env.SOULSYNC_CONFIG = join(tmp, "soulsync.yaml");
process.env.DATABASE_URL = "";
process.env.SOULSYNC_DATABASE_URL = "";
process.env.NO_COLOR = "1";
writeFileSync(process.env.SOULSYNC_CONFIG, `host_repo: { path: ${join(process.cwd(), "examples/host")} }\nstate_dir: ${join(tmp, "state")}\ndriver: sim\nsteps: []\n`);

const home = join(tmp, "home");
const render = ["render", "--soul", "examples/souls/atlas", "--out", home, "--revision", `v1.0.0@sha1:${"1".repeat(40)}`];
const RUNS = [
  ["--version"],
  ["--help"],
  ["validate", "examples/souls/atlas"],
  ["validate", "examples/souls/atlas", "--json"],
  ["scan", "examples/souls/atlas"],
  ["config", "check", "examples/host"],
  ["status"],
  ["status", "--json"],
  render,
  render,
  [...render, "--check"],
  ["hook", "pre-receive"],
  ["hook", "post-receive"],
];

const loaded = [];
try {
  const { main } = loadBundle(bundleDir, { useCache: false, loaded });
  for (const args of RUNS) {
    try {
      await main(["node", "soulsync", ...args]);
    } catch {
      // Compiled all the same.
    }
  }
  for (const { file, script } of loaded) writeFileSync(cacheFileOf(file), script.createCachedData());
  writeFileSync(join(bundleDir, "code-cache.json"), `${JSON.stringify({ node: process.version, v8: process.versions.v8, arch: process.arch, chunks: loaded.length })}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(0);

// bin/bundle-loader.js hands V8 the bytecode scripts/code-cache.mjs saved at build time. The cache
// only saves time: a cache V8 refuses (another Node, a damaged file) or none at all must give the
// same CLI. Each case runs a copy of the package (bin/, dist/bundle/, package.json) so the real
// dist/ is never touched.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ROOT, soulsync } from "../helpers/cli.js";
import { tmpDir } from "../helpers/tmp.js";

const ATLAS = join(ROOT, "examples/souls/atlas");

/** A copy of the built package whose caches `spoil` may change. */
function copyPackage(spoil: (bundle: string) => void): string {
  const dir = tmpDir("soulsync-code-cache-");
  cpSync(join(ROOT, "bin"), join(dir, "bin"), { recursive: true });
  cpSync(join(ROOT, "dist/bundle"), join(dir, "dist/bundle"), { recursive: true });
  cpSync(join(ROOT, "package.json"), join(dir, "package.json"));
  spoil(join(dir, "dist/bundle"));
  return dir;
}

function run(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [join(dir, "bin/soulsync.js"), ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1", SOULSYNC_DEBUG: "", SOULSYNC_CONFIG: join(dir, "none.yaml"), DATABASE_URL: "", SOULSYNC_DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const caches = (bundle: string) => readdirSync(bundle).filter((f) => f.endsWith(".cache"));

describe("the code cache", () => {
  it("is written by the build for the chunks the common commands load", () => {
    const bundle = join(ROOT, "dist/bundle");
    const meta = JSON.parse(readFileSync(join(bundle, "code-cache.json"), "utf8")) as { v8: string; chunks: number };
    assert.equal(meta.v8, process.versions.v8);
    assert.ok(existsSync(join(bundle, "main.cache")), "main.cjs has a cache");
    assert.equal(caches(bundle).length, meta.chunks);
  });

  const cases: Array<[string, (bundle: string) => void]> = [
    ["no cache at all", (b) => {
      for (const f of caches(b)) rmSync(join(b, f));
      rmSync(join(b, "code-cache.json"));
    }],
    ["caches V8 refuses (damaged bytes)", (b) => {
      for (const f of caches(b)) writeFileSync(join(b, f), Buffer.alloc(256, 0x5a));
    }],
    ["caches said to be from another V8 (not read)", (b) => {
      writeFileSync(join(b, "code-cache.json"), JSON.stringify({ v8: "0.0.0", arch: process.arch }));
    }],
  ];
  for (const [name, spoil] of cases) {
    it(`${name}: the CLI answers as with the cache`, () => {
      const dir = copyPackage(spoil);
      try {
        for (const args of [["--version"], ["validate", ATLAS, "--json"], ["validate", join(ROOT, "examples/souls/does-not-exist")]]) {
          const want = soulsync(args, { env: { SOULSYNC_CONFIG: join(dir, "none.yaml") } });
          const got = run(dir, args);
          assert.deepEqual({ status: got.status, stdout: got.stdout, stderr: got.stderr }, want, args.join(" "));
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

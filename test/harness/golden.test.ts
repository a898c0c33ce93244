// Golden files: examples/souls/atlas rendered for each harness, laid out under
// test/harness/golden/<harness>/ exactly as under the agent's home. Regenerate after an intended
// change with:  UPDATE_GOLDEN=1 npm test -- test/harness/golden.test.ts   (then review the diff).
import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, it } from "node:test";
import { applyHarnesses } from "../../src/harness/apply-harnesses.js";
import { harnessPaths } from "../../src/harness/paths.js";
import { renderSoul } from "../../src/harness/render.js";
import { loadSoul } from "../../src/soul/load.js";
import { HARNESSES } from "../../src/soul/schema/names.js";
import { ROOT } from "../helpers/cli.js";
import { tmpDir } from "../helpers/tmp.js";
import { ctxFor, HOME, ORIGIN } from "./helpers.js";

const ATLAS = join(ROOT, "examples/souls/atlas");
const GOLDEN = join(ROOT, "test/harness/golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

type Files = Map<string, { data: Buffer; executable: boolean }>;

function readGolden(dir: string, base = dir, out: Files = new Map()): Files {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) readGolden(abs, base, out);
    else out.set(relative(base, abs).split("\\").join("/"), { data: readFileSync(abs), executable: (statSync(abs).mode & 0o100) !== 0 });
  }
  return out;
}

function writeGolden(dir: string, files: Files): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, f] of files) {
    const abs = join(dir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, f.data);
    chmodSync(abs, f.executable ? 0o755 : 0o644);
  }
}

function compare(name: string, actual: Files): void {
  const dir = join(GOLDEN, name);
  if (UPDATE) writeGolden(dir, actual);
  const golden = readGolden(dir);
  assert.deepEqual([...actual.keys()].sort(), [...golden.keys()].sort(), `file list of ${name} (UPDATE_GOLDEN=1 to regenerate)`);
  for (const [rel, f] of actual) {
    const g = golden.get(rel)!;
    assert.equal(f.data.toString("utf8"), g.data.toString("utf8"), `${name}/${rel}`);
    assert.equal(f.executable, g.executable, `${name}/${rel} executable bit`);
  }
}

describe("golden files from examples/souls/atlas", async () => {
  const { soul, problems } = await loadSoul({ dir: ATLAS });
  assert.ok(soul, JSON.stringify(problems));

  for (const harness of HARNESSES) {
    it(`${harness} matches test/harness/golden/${harness}/`, () => {
      const r = renderSoul(soul, [harness], ctxFor(HOME));
      assert.deepEqual(r.problems.filter((p) => p.severity === "error"), []);
      const files: Files = new Map();
      for (const f of r.harnesses[0]!.files) files.set(relative(HOME, f.path), { data: Buffer.from(f.content), executable: f.executable });
      const rows = r.harnesses[0]!.colibri.map((row) => ({
        ...row,
        files: row.files.map((f) => ({ path: f.path, executable: f.executable, base64: Buffer.from(f.data).toString("base64") })),
      }));
      if (harness === "colibri") files.set("skills.json", { data: Buffer.from(`${JSON.stringify(rows, null, 2)}\n`), executable: false });
      compare(harness, files);
    });
  }

  it("the generated-files manifest matches test/harness/golden/manifest/", async () => {
    const home = tmpDir();
    const r = await applyHarnesses({ soul, harnesses: HARNESSES, paths: harnessPaths(home), origin: ORIGIN, mode: "apply" });
    assert.deepEqual(r.problems.filter((p) => p.severity === "error"), []);
    compare("manifest", new Map([[".soulsync-render.json", { data: readFileSync(join(home, ".soulsync-render.json")), executable: false }]]));
  });
});

// The shipped examples: atlas and mevy are clean, broken shows many different errors at once.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { soulsync } from "../helpers/cli.js";

describe("examples/souls", () => {
  for (const name of ["atlas", "mevy"]) {
    it(`${name} validates with no errors and no warnings`, () => {
      const r = soulsync(["validate", `examples/souls/${name}`, "--json"]);
      assert.equal(r.status, 0, r.stdout);
      assert.deepEqual(JSON.parse(r.stdout), { ok: true, errors: [], warnings: [] });
    });
  }

  it("broken reports at least six different errors in one pass", () => {
    const r = soulsync(["validate", "examples/souls/broken", "--json"]);
    assert.equal(r.status, 1);
    const report = JSON.parse(r.stdout) as { errors: Array<{ code: string; file: string }> };
    const codes = new Set(report.errors.map((e) => e.code));
    assert.ok(codes.size >= 6, [...codes].join(", "));
    for (const c of ["E_CORE_MISSING", "E_MANIFEST_SCHEMA", "E_SKILL_NAME", "E_FRONTMATTER_LANG", "E_FORBIDDEN_FILE", "E_SYMLINK_ESCAPE"]) {
      assert.ok(codes.has(c), c);
    }
  });

  it("human output is file:line:col: code message", () => {
    const r = soulsync(["validate", "examples/souls/broken"]);
    assert.equal(r.status, 1);
    const lines = r.stdout.trim().split("\n");
    for (const line of lines) assert.match(line, /^[^:\s]+:\d+:\d+: [EW]_[A-Z_]+ \S/);
  });
});

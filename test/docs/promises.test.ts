// docs/promises.md maps each README promise to the test that proves it. This keeps the table
// true: every row names a test file that exists and a test (it/test/describe) it really contains,
// so renaming or deleting a test that proves a promise fails here.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ROOT } from "../helpers/cli.js";

interface Row {
  line: number;
  promise: string;
  file: string;
  name: string;
}

/** The table rows of docs/promises.md (header and separator rows skipped). */
function rows(): Row[] {
  const text = readFileSync(join(ROOT, "docs/promises.md"), "utf8");
  const out: Row[] = [];
  text.split("\n").forEach((l, i) => {
    const cells = /^\|(.*)\|$/.exec(l.trim())?.[1]?.split(" | ").map((c) => c.trim());
    if (!cells || cells.length !== 3 || cells[1] === "test file" || /^-+$/.test(cells[0]!.replace(/\|/g, ""))) return;
    if (cells[0] === "---") return;
    out.push({ line: i + 1, promise: cells[0]!, file: cells[1]!, name: cells[2]!.replace(/^`(.*)`$/, "$1") });
  });
  return out;
}

/** Test names declared in a file: the first argument of it/test/describe, as written. */
function declared(file: string): Set<string> {
  const text = readFileSync(join(ROOT, file), "utf8");
  return new Set([...text.matchAll(/\b(?:it|test|describe)\(\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)/g)].map((m) => (m[1] ?? m[2])!.replace(/\\(.)/g, "$1")));
}

describe("docs/promises.md", () => {
  const table = rows();
  it("lists the promises (at least 100 rows)", () => assert.ok(table.length >= 100, String(table.length)));
  for (const r of table) {
    it(`line ${r.line}: ${r.promise}`, () => {
      assert.ok(r.file.startsWith("test/") && existsSync(join(ROOT, r.file)), `${r.file} does not exist`);
      assert.ok(declared(r.file).has(r.name), `${r.file} has no test named "${r.name}"`);
    });
  }
});

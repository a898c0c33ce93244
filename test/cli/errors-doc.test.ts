// docs/errors.md names every error and warning code the sources can produce, so an operator who
// sees a code can look it up; a new code without a line there fails this test.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT } from "../helpers/cli.js";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

test("every E_/W_ code in src/ is explained in docs/errors.md", () => {
  const doc = readFileSync(join(ROOT, "docs/errors.md"), "utf8");
  const documented = new Set([...doc.matchAll(/`([EW]_[A-Z0-9_]+)`/g)].map((m) => m[1]!));
  const used = new Set(sources(join(ROOT, "src")).flatMap((f) => [...readFileSync(f, "utf8").matchAll(/"([EW]_[A-Z0-9_]+)"/g)].map((m) => m[1]!)));
  assert.ok(used.size > 100, `found ${used.size} codes: the scan of src/ works`);
  const missing = [...used].filter((c) => !documented.has(c)).sort();
  assert.deepEqual(missing, [], "codes without a line in docs/errors.md");
});

// Hostile input: every whole-text regex has a shape that cannot backtrack, and adversarial
// megabyte files (repeated prefixes, endless token runs, repeated markers) scan to completion
// with the right answer. Speed on 10 MB is measured by bench/secrets.bench.ts, not here.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { scanFiles } from "../../src/secrets/api.js";
import { CONTENT_RULES } from "../../src/secrets/rules/index.js";
import { adversarialInputs } from "./adversarial.js";

/** Removes the atomic idiom `(?=([class]{m,n}))\N`; what is left may not repeat anything. */
function residue(source: string): string {
  return source.replace(/\(\?=\(\[(?:\\.|[^\]\\])*\]\{\d+(?:,\d+)?\}\)\)\\\d+/g, "ATOM").replace(/\[(?:\\.|[^\]\\])*\]/g, "CLASS");
}

describe("rule patterns are linear by construction", () => {
  const patterns = CONTENT_RULES.flatMap((r) => (r.patterns ?? []).map((p) => ({ id: r.id, p })));
  it("covers the provider rules", () => assert.ok(patterns.length >= 50, String(patterns.length)));
  for (const { id, p } of patterns) {
    it(`${id} ${p.source.slice(0, 40)}`, () => {
      const rest = residue(p.source);
      assert.doesNotMatch(rest, /(?<!\\)[*+]|\{\d+,\d*\}|CLASS\{|\)\{/, `unbounded or non-atomic repetition in ${p.source}`);
      assert.ok(p.global, "rules scan with global regexes");
    });
  }
});

describe("adversarial inputs (1 MB each) scan completely", () => {
  for (const [name, make] of Object.entries(adversarialInputs)) {
    it(name, () => {
      const data = new TextEncoder().encode(make(1_000_000));
      const r = scanFiles([{ path: `${name}.txt`, data }]);
      assert.equal(r.bytes, data.byteLength);
      assert.ok(r.findings.length < 50_000);
    });
  }
});

// Hostile input: every whole-text regex has a shape that cannot backtrack, and adversarial
// megabyte files (repeated prefixes, endless token runs, repeated markers) scan to completion
// with the right answer; at 10 MB each must finish within a generous CPU-time bound (the README
// promises "well under a second"; bench/secrets.bench.ts measures the real figure).
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

// A backtracking (quadratic) scanner takes minutes on 10 MB; a linear one takes well under a
// second. The bound is generous (CPU time, not wall clock, so a busy machine does not fail it;
// c8's coverage instrumentation slows it too) and still far below what a quadratic rule needs.
const BOUND_CPU_MS = 5_000;

describe("adversarial inputs (10 MB each) scan within a generous time bound", () => {
  for (const [name, make] of Object.entries(adversarialInputs)) {
    it(`${name} in under ${BOUND_CPU_MS / 1000} s of CPU`, () => {
      const data = new TextEncoder().encode(make(10_000_000));
      const start = process.cpuUsage();
      const r = scanFiles([{ path: `${name}.txt`, data }], { maxBytes: 16 * 1024 * 1024 });
      const used = process.cpuUsage(start);
      const ms = (used.user + used.system) / 1000;
      assert.equal(r.bytes, data.byteLength, "scanned in full");
      assert.ok(ms < BOUND_CPU_MS, `${name}: ${ms.toFixed(0)} ms of CPU for ${data.byteLength} bytes`);
    });
  }
});

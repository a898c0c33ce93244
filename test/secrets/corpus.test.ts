// The labelled corpus: every positive is found at its line with its rule, no negative is found,
// and findings never contain the secret.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { scanFiles } from "../../src/secrets/api.js";
import { buildCorpus } from "./corpus/index.js";

const corpus = buildCorpus();
const result = scanFiles(corpus.files);
const key = (file: string, line: number, rule: string) => `${file}:${line} ${rule}`;
const found = new Set(result.findings.map((f) => key(f.file, f.line, f.rule)));
const expected = new Set(corpus.positives.map((p) => key(p.file, p.line, p.rule)));

describe("secrets corpus", () => {
  it("is large enough: ≥40 kinds, ≥200 positives, ≥100 negatives", () => {
    assert.ok(corpus.kinds.size >= 40, `${corpus.kinds.size} kinds`);
    assert.ok(corpus.positives.length >= 200, `${corpus.positives.length} positives`);
    assert.ok(corpus.negatives.length >= 100, `${corpus.negatives.length} negatives`);
  });

  it("is the same on every run (seeded)", () => {
    const again = buildCorpus();
    assert.deepEqual(again.files.map((f) => f.data), corpus.files.map((f) => f.data));
  });

  for (const p of corpus.positives) {
    it(`finds ${p.rule} at ${p.file}:${p.line}`, () => assert.ok(found.has(key(p.file, p.line, p.rule)), [...found].filter((k) => k.startsWith(`${p.file}:`)).join(", ") || "nothing in that file"));
  }

  it("reports nothing that is not labelled (no false positives)", () => {
    assert.deepEqual([...found].filter((k) => !expected.has(k)), []);
  });

  it("reports nothing in the negative files", () => {
    const negatives = new Set(corpus.negatives);
    assert.deepEqual(result.findings.filter((f) => negatives.has(f.file)), []);
  });

  it("never puts a secret in a finding", () => {
    const json = JSON.stringify(result.findings);
    const text = corpus.files.map((f) => new TextDecoder().decode(f.data)).join("\n");
    // Every run of 16+ token characters in the corpus that a finding covers must be absent from the output.
    for (const tok of text.match(/[A-Za-z0-9_\-+/=]{16,}/g) ?? []) {
      if (/^[A-Z_]+$|^[a-z_-]+$/.test(tok)) continue;
      assert.ok(!json.includes(tok.slice(4)), "a finding contains a secret");
    }
  });
});

describe("secrets corpus, other seeds", () => {
  it("keeps recall ≥ 0.999 and no false positives on 20 freshly generated corpora", () => {
    let positives = 0;
    const missed: string[] = [];
    const extra: string[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const c = buildCorpus(seed);
      const r = scanFiles(c.files);
      const got = new Set(r.findings.map((f) => key(f.file, f.line, f.rule)));
      const want = new Set(c.positives.map((p) => key(p.file, p.line, p.rule)));
      positives += c.positives.length;
      for (const k of want) if (!got.has(k)) missed.push(`${seed} ${k}`);
      for (const k of got) if (!want.has(k)) extra.push(`${seed} ${k}`);
    }
    assert.deepEqual(extra, []);
    assert.ok(missed.length <= positives / 1000, missed.join("\n"));
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseFrontMatter } from "../../src/soul/frontmatter.js";

describe("parseFrontMatter", () => {
  it("parses YAML front matter and reports where the body starts", () => {
    const r = parseFrontMatter("---\ntitle: Hello\ntopics: [a, b]\n---\n\nBody text\n");
    assert.deepEqual(r.problems, []);
    // Mappings from input have no prototype (a key named `constructor` is just a key).
    assert.equal(Object.getPrototypeOf(r.data), null);
    assert.deepEqual({ ...r.data }, { title: "Hello", topics: ["a", "b"] });
    assert.equal(r.body.trim(), "Body text");
    assert.equal(r.bodyLine, 5);
    assert.deepEqual(r.keyLines.get("topics"), { line: 3, column: 1 });
  });

  it("parses JSON front matter", () => {
    const r = parseFrontMatter('---json\n{"title": "J", "importance": 3}\n---\nBody\n');
    assert.deepEqual(r.problems, []);
    assert.deepEqual({ ...r.data }, { title: "J", importance: 3 });
  });

  it("keeps dates as strings (core schema, no Date objects)", () => {
    const r = parseFrontMatter("---\ncreated: 2026-01-02\n---\n");
    assert.equal(r.data?.created, "2026-01-02");
  });

  for (const lang of ["js", "javascript", "coffee", "toml", "cson", "python"]) {
    it(`refuses ---${lang} front matter without evaluating it`, () => {
      const marker = `globalThis.__soulsyncEvaluated_${lang} = true`;
      const r = parseFrontMatter(`---${lang}\n${marker}\n---\nbody\n`);
      assert.equal(r.data, undefined);
      assert.equal(r.problems[0]?.code, "E_FRONTMATTER_LANG");
      assert.equal((globalThis as Record<string, unknown>)[`__soulsyncEvaluated_${lang}`], undefined);
    });
  }

  it("reports a YAML syntax error at its file line", () => {
    const r = parseFrontMatter("---\ntitle: ok\nbad: [unclosed\n---\n");
    assert.equal(r.problems[0]?.code, "E_FRONTMATTER_SYNTAX");
    assert.ok((r.problems[0]?.line ?? 0) >= 3, `line ${r.problems[0]?.line}`);
  });

  it("bounds YAML aliases (billion laughs)", () => {
    const lines = ["---", 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(`${next}: &${next} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`);
    }
    lines.push("---", "");
    const r = parseFrontMatter(lines.join("\n"));
    assert.equal(r.data, undefined);
    assert.equal(r.problems[0]?.code, "E_FRONTMATTER_SYNTAX");
  });

  it("refuses custom tags such as !!js/function", () => {
    const r = parseFrontMatter('---\ntitle: !!js/function "function () { return 1 }"\n---\n');
    assert.equal(r.data, undefined);
    assert.equal(r.problems[0]?.code, "E_FRONTMATTER_SYNTAX");
  });

  it("requires a mapping", () => {
    const r = parseFrontMatter("---\n- a\n- b\n---\n");
    assert.equal(r.problems[0]?.code, "E_FRONTMATTER_TYPE");
  });

  it("reports missing front matter only when required", () => {
    assert.equal(parseFrontMatter("# Title\n").problems[0]?.code, "E_FRONTMATTER_MISSING");
    assert.deepEqual(parseFrontMatter("# Title\n", false).problems, []);
  });

  it("reports unterminated front matter", () => {
    const r = parseFrontMatter("---\ntitle: x\nno end here\n");
    assert.equal(r.problems[0]?.code, "E_FRONTMATTER_SYNTAX");
  });

  it("refuses duplicate keys", () => {
    const r = parseFrontMatter("---\ntitle: a\ntitle: b\n---\n");
    assert.equal(r.problems[0]?.code, "E_FRONTMATTER_SYNTAX");
    assert.equal(r.problems[0]?.line, 3);
  });
});

// hasDuplicateKeys decides whether manifest.json needs the YAML parse that locates a duplicate key:
// it must find every duplicate the YAML parser reports (keys compared as decoded strings).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDocument } from "yaml";
import { checkManifest, hasDuplicateKeys } from "../../src/soul/validate/manifest.js";

const yamlSaysDuplicate = (text: string) => parseDocument(text, { uniqueKeys: true }).errors.some((e) => e.code === "DUPLICATE_KEY");

const CASES: Array<[string, string, boolean]> = [
  ["no keys", "{}", false],
  ["distinct keys", '{"a": 1, "b": 2}', false],
  ["a key twice", '{"a": 1, "a": 2}', true],
  ["the same key in two objects", '{"a": {"x": 1}, "b": {"x": 2}}', false],
  ["a key twice in a nested object", '{"a": {"x": 1, "y": 2, "x": 3}}', true],
  ["a key twice in an object in a list", '{"a": [1, {"x": 1, "x": 2}]}', true],
  ["a string value equal to a key", '{"a": "a", "b": "a"}', false],
  ["an escaped spelling of the same key", '{"a": 1, "\\u0061": 2}', true],
  ["braces, commas and quotes inside strings", '{"a": "{\\"a\\": 1, ", "b": "}]", "c": ["a", "a"]}', false],
  ["a key after a list of strings", '{"l": ["x", "y"], "x": 1, "y": 2}', false],
  ["a key after a nested object closes", '{"o": {"k": 1}, "k": 2, "o2": 3}', false],
  ["top-level list of objects", '[{"a": 1}, {"a": 2}]', false],
];

describe("hasDuplicateKeys", () => {
  for (const [name, text, want] of CASES) {
    it(`${name}: ${want ? "duplicate" : "none"}, as the YAML parser says`, () => {
      assert.equal(yamlSaysDuplicate(text), want, "the table agrees with the YAML parser");
      assert.equal(hasDuplicateKeys(text), want);
    });
  }
});

describe("checkManifest", () => {
  it("still locates a duplicate key at the key", () => {
    const { manifest, problems } = checkManifest('{\n  "schema": "clawdie.layered-soul.v1",\n  "schema": "x"\n}');
    assert.equal(manifest, undefined);
    const dup = problems.find((p) => p.message === "duplicate key in an object");
    assert.ok(dup, JSON.stringify(problems));
    assert.equal(dup.line, 3);
  });
});

// splitMatter splits front matter exactly as gray-matter 4.0.3 does (which soulsync used before and
// no longer loads at start-up): the same block and body for every shape of input.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import matter from "gray-matter";
import { splitMatter } from "../../src/soul/frontmatter.js";

const ENGINES = { yaml: { parse: () => ({}) }, json: { parse: () => ({}) } };

const INPUTS = [
  "---\nname: x\n---\n# Body\n",
  "---\nname: x\n---\n\n# Body after a blank line\n",
  "---\n---\nempty block\n",
  "---json\n{\"a\": 1}\n---\nbody",
  "---\nname: x\n---",
  "---\nname: x\nnever closed\n",
  "---\r\nname: x\r\n---\r\nwindows\r\n",
  "\ufeff---\nname: bom\n---\nbody\n",
  "----\nnot front matter\n",
  "no front matter\n",
  "---\nkey: |\n  text with --- inside\n---extra on the closing line\nbody\n",
];

describe("splitMatter", () => {
  for (const input of INPUTS) {
    it(JSON.stringify(input.slice(0, 30)), () => {
      const g = matter(input, { engines: ENGINES, language: "yaml" });
      assert.deepEqual(splitMatter(input), { matter: g.matter, content: g.content });
    });
  }
});

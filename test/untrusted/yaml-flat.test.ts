// parseFlatYaml against the reference it stands in for: whenever it returns a value, the yaml
// package (through parseYamlStrict) must read the same text to the same value and key lines.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { LineCounter, parseDocument } from "yaml";
import { splitMatter } from "../../src/soul/frontmatter.js";
import { parseFlatYaml } from "../../src/untrusted/yaml-flat.js";
import { parseYamlStrict } from "../../src/untrusted/yaml.js";

const FLAT = fileURLToPath(new URL("../../src/untrusted/yaml-flat.ts", import.meta.url));

/** What the full parser makes of `text`: the value, or undefined when it refuses it. */
function reference(text: string): { value: unknown; keyLines: Map<string, { line: number; column: number }> } | undefined {
  const r = parseYamlStrict(text);
  if (r.issues.length > 0) return undefined;
  const keyLines = new Map<string, { line: number; column: number }>();
  const lc = new LineCounter();
  const doc = parseDocument(text, { schema: "core", lineCounter: lc });
  const items = (doc.contents as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> } | null)?.items ?? [];
  for (const item of items) {
    if (item.key?.range && typeof item.key.value === "string") {
      const p = lc.linePos(item.key.range[0]);
      keyLines.set(item.key.value, { line: p.line, column: p.col });
    }
  }
  return { value: r.value, keyLines };
}

/** Asserts the two agree wherever the flat reader answers; returns whether it answered. */
function agrees(text: string): boolean {
  const flat = parseFlatYaml(text);
  if (!flat) return false;
  const ref = reference(text);
  assert.ok(ref, `flat read ${JSON.stringify(text)}, which the yaml package refuses`);
  assert.deepEqual(flat.value, ref.value, `different values for ${JSON.stringify(text)}`);
  assert.equal(Object.getPrototypeOf(flat.value), null);
  assert.deepEqual([...flat.keyLines], [...ref.keyLines], `different key lines for ${JSON.stringify(text)}`);
  return true;
}

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // Symlinks are skipped: some examples are deliberately broken ones.
    if (entry.isDirectory()) markdownFiles(path, out);
    else if (entry.isFile() && entry.name.endsWith(".md")) out.push(path);
  }
  return out;
}

describe("parseFlatYaml", () => {
  it("reads every flat front matter in examples/ and test/ as the yaml package does, and most of them", () => {
    let blocks = 0;
    let flat = 0;
    for (const file of [...markdownFiles("examples"), ...markdownFiles("test")]) {
      const text = readFileSync(file, "utf8").replace(/\r\n/g, "\n");
      if (!/^---[^\n]*\n/.test(text)) continue;
      blocks++;
      if (agrees(splitMatter(text.replace(/^---[^\n]*\n/, "---\n")).matter)) flat++;
    }
    assert.ok(blocks >= 20, `only ${blocks} front matter blocks found`);
    // The point of the fast path: the example souls' memories and skills are flat.
    assert.ok(flat >= blocks / 2, `only ${flat} of ${blocks} blocks were flat`);
  });

  it("agrees with the yaml package on lines made of tricky tokens, and leaves the rest to it", () => {
    const keys = ["title", "topics", "null", "True", "a_b", "x-y", "__proto__", "constructor", "k1"];
    const values = [
      "", "plain text", "2026-01-14", "4", "0", "007", "-1", "+1", "1.5", ".5", "1e3", "0x1F", "0o17", ".inf", ".NaN",
      "~", "null", "Null", "NULL", "true", "False", "yes", "on", "'quoted'", '"dq"', "a: b", "a #c", "C#", "x:", "a:b", "x#y", "1.0.0", "https://x.y/z", "a\rb", "a\u2028b",
      "[a, b]", "[]", "[ ]", "[a, , b]", "[a,]", "[1, two, 3.5]", "[a: b]", "[a:b, c]", "[x{y}, z]", "[[a]]", "{a: 1}", "&anchor x", "*alias", "!tag x",
      "|", ">", "- item", "Matej's", "čšž unicode", "(paren)", "~home", "...", "%x", "@x", "`x`", "a\u00a0", "\u00a0a", "a \u00a0 b", "a\tb", "1_000", "12345678901234567",
      '"1.1"', "'x y'", '"a\\"b"', '"a \\n b"', "'it''s'", '"a" # c', '"x" y', '"', "''", '""',
    ];
    // mulberry32: a fixed seed, so a failure repeats.
    let seed = 17;
    const rand = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    let answered = 0;
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const lines: string[] = [];
      for (let j = 0, n = 1 + rand(4); j < n; j++) {
        const shape = rand(10);
        const key = keys[rand(keys.length)]!;
        const v = values[rand(values.length)]!;
        if (shape === 0) lines.push("");
        else if (shape === 1) lines.push("# a comment");
        else if (shape === 2) lines.push(`  ${key}: ${v}`);
        else if (shape === 3) lines.push(`${key}:${v}`);
        else if (shape === 4) lines.push(`${key}:`, `  ${keys[rand(keys.length)]}: ${v}`, `${rand(3) === 0 ? "    " : "  "}${keys[rand(keys.length)]}: ${values[rand(values.length)]}`);
        else if (shape === 5) lines.push(`${key}: ${v}`, `  ${keys[rand(keys.length)]}: x`);
        else lines.push(`${key}: ${v}${rand(5) === 0 ? "  " : ""}`);
      }
      if (agrees(lines.join("\n"))) answered++;
      else refused++;
    }
    // Both branches are exercised: many answered by the fast path, many left to the parser.
    assert.ok(answered > 100 && refused > 100, `answered ${answered}, refused ${refused}`);
  });

  it("reads a very long line in one pass and keeps a no-break space as content", () => {
    // A backtracking pattern took about a minute on this line. It runs in a process of its own so
    // that the guard can stop it: a test's timeout cannot interrupt a regular expression.
    const code = `import { parseFlatYaml } from ${JSON.stringify(FLAT)};
      const v = parseFlatYaml("title: x" + " ".repeat(300000) + "y" + " ".repeat(300000))?.value.title;
      process.stdout.write(String(v === "x" + " ".repeat(300000) + "y"));`;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { encoding: "utf8", timeout: 20_000 });
    assert.equal(r.signal, null, "killed by the guard: the long line was not read in one pass");
    assert.equal(r.stdout, "true", r.stderr);
    assert.ok(agrees("title: a\u00a0"));
    assert.equal(parseFlatYaml("title: \u00a0a"), undefined);
  });

  it("leaves to the full parser what it cannot read exactly", () => {
    for (const text of ["title: a\n  continued", "a: null\n  b: c", "m:\n  a: 1\n    b: 2", "m:\n  - x", "a: 1\na: 2", "a: [x", "true: x", "a: 1.0", "a: -1", "", "# only a comment", "a: b: c", "a:\tb"]) {
      assert.equal(parseFlatYaml(text), undefined, JSON.stringify(text));
    }
  });
});

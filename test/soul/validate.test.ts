// validateSoul is pure: trees built in memory, problems and the parsed soul out.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { forbiddenReason, symlinkStaysInside } from "../../src/soul/validate/files.js";
import { validateSoul } from "../../src/soul/validate/index.js";
import type { SoulTree } from "../../src/soul/tree/types.js";
import { validSoulFiles } from "../helpers/souls.js";

function tree(files: Record<string, string>): SoulTree {
  const entries = Object.entries(files).map(([path, text]) => {
    const data = Buffer.from(text);
    return { path, type: "file" as const, size: data.byteLength, data };
  });
  const dirs = new Set<string>();
  for (const e of entries) {
    const parts = e.path.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  return { label: "mem", entries: [...entries, ...[...dirs].map((path) => ({ path, type: "dir" as const, size: 0 }))] };
}

const base = () => validSoulFiles() as Record<string, string>;

describe("validateSoul", () => {
  it("parses a valid soul into the model renderers and the brain use", () => {
    const { problems, soul } = validateSoul(tree(base()));
    assert.deepEqual(problems, []);
    assert.ok(soul);
    assert.equal(soul.manifest.agent_id, "atlas");
    assert.deepEqual(soul.skills.map((s) => s.name), ["daily-summary"]);
    assert.deepEqual(soul.memories.map((m) => m.id), ["first-day"]);
    assert.equal(soul.memories[0]?.frontMatter.private, false, "defaults applied");
    assert.match(soul.soul, /^# Atlas/);
  });

  it("reports every problem in one pass", () => {
    const files = base();
    delete files["USER.md"];
    files["yarn.lock"] = "";
    files["memories/curated/bad.md"] = "---\ntitle: x\n---\n";
    const codes = new Set(validateSoul(tree(files)).problems.map((p) => p.code));
    for (const c of ["E_CORE_MISSING", "E_FORBIDDEN_FILE", "E_MEMORY_SCHEMA"]) assert.ok(codes.has(c), c);
  });

  it("warns (does not fail) on unknown keys, with their line", () => {
    const files = base();
    files["memories/curated/first-day.md"] = "---\ntitle: T\ntopics: []\nimportance: 1\ncreated: 2026-01-01\nmood: sunny\n---\nx\n";
    const { problems, soul } = validateSoul(tree(files));
    assert.ok(soul, "still valid");
    assert.deepEqual(
      problems.map((p) => [p.code, p.line, p.severity]),
      [["W_UNKNOWN_KEY", 6, "warning"]],
    );
  });

  it("locates a manifest schema error at the offending value", () => {
    const files = base();
    files["manifest.json"] = files["manifest.json"]!.replace('"agent_id": "atlas"', '"agent_id": "Atlas!"');
    const p = validateSoul(tree(files)).problems.find((x) => x.code === "E_MANIFEST_SCHEMA");
    assert.deepEqual([p?.line, p?.column], [3, 15]);
  });

  it("enforces the total size and file count limits", () => {
    const files = base();
    for (let i = 0; i < 5; i++) files[`notes/n${i}.md`] = "x".repeat(100);
    const limits = { maxFileBytes: 1 << 20, maxManifestBytes: 1 << 16, maxTotalBytes: 1500, maxFiles: 6 };
    const codes = validateSoul(tree(files), limits).problems.map((p) => p.code);
    assert.ok(codes.includes("E_REPO_TOO_LARGE"));
    assert.ok(codes.includes("E_TOO_MANY_FILES"));
  });
});

describe("symlinkStaysInside", () => {
  const cases: Array<[string, string, boolean]> = [
    ["a.md", "b.md", true],
    ["docs/a.md", "../SOUL.md", true],
    ["docs/a.md", "../../x", false],
    ["a.md", "/etc/passwd", false],
    ["a.md", "", false],
    ["a/b/c.md", "../../..", false],
    ["a/b/c.md", "../../b2/../x", true],
    ["a.md", "C:\\Windows", false],
  ];
  for (const [path, target, ok] of cases) {
    it(`${path} -> ${target}: ${ok ? "inside" : "escapes"}`, () => assert.equal(symlinkStaysInside(path, target), ok));
  }
});

describe("forbiddenReason", () => {
  const bad = ["package-lock.json", "x/Cargo.lock", "a/node_modules/b", "__pycache__/x.pyc", ".DS_Store", "chat.jsonl", "logs/today.md", "x.log", "notes.md.swp"];
  const good = ["SOUL.md", "skills/log-review/SKILL.md", "memories/curated/blockchain.md", "docs/lockdown.md"];
  for (const p of bad) it(`refuses ${p}`, () => assert.ok(forbiddenReason(p)));
  for (const p of good) it(`allows ${p}`, () => assert.equal(forbiddenReason(p), undefined));
});

describe("validateSoul messages", () => {
  it("refuses impossible calendar dates", () => {
    const files = base();
    files["memories/curated/first-day.md"] = "---\ntitle: T\ntopics: []\nimportance: 1\ncreated: 2026-02-30\n---\nx\n";
    const p = validateSoul(tree(files)).problems.find((x) => x.code === "E_MEMORY_SCHEMA");
    assert.match(p?.message ?? "", /created: is not a real calendar date/);
    assert.equal(p?.line, 5);
  });

  it("points E_SKILL_NAME at the name key", () => {
    const files = base();
    files["skills/daily-summary/SKILL.md"] = "---\ndescription: x\nname: wrong\n---\nbody\n";
    const p = validateSoul(tree(files)).problems.find((x) => x.code === "E_SKILL_NAME");
    assert.deepEqual([p?.line, p?.column], [3, 1]);
  });

  it("names the bad list item instead of a vague union error", () => {
    const files = base();
    files["manifest.json"] = files["manifest.json"]!.replace('"user_context": "none"', '"user_context": ["hermes", "slack"]');
    const p = validateSoul(tree(files)).problems.find((x) => x.code === "E_MANIFEST_SCHEMA");
    assert.match(p?.message ?? "", /^privacy\.user_context\[1\]: .*"hermes"/);
  });
});

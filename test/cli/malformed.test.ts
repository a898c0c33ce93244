// The command line on a table of malformed soul bundles: each exits 1 with the expected
// code, prints no stack trace, and writes nothing.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { soulsync } from "../helpers/cli.js";
import { memory, validManifest, validSoulFiles } from "../helpers/souls.js";
import { type FileTree, tmpDir, writeTree } from "../helpers/tmp.js";

type Case = { name: string; code: string; edit: (files: FileTree) => void };

const manifestWith = (patch: (m: Record<string, unknown>) => void) => (files: FileTree) => {
  const m = validManifest();
  patch(m);
  files["manifest.json"] = JSON.stringify(m, null, 2);
};
const skill = (name: string, front: string) => `---\nname: ${name}\n${front}\n---\n\nSteps.\n`;
const MEM = "memories/curated/extra.md";
const okMemory = "title: Extra\ntopics: [ops]\nimportance: 3\ncreated: 2026-01-01";

const cases: Case[] = [
  { name: "missing manifest.json", code: "E_CORE_MISSING", edit: (f) => void delete f["manifest.json"] },
  { name: "missing SOUL.md", code: "E_CORE_MISSING", edit: (f) => void delete f["SOUL.md"] },
  { name: "missing USER.md", code: "E_CORE_MISSING", edit: (f) => void delete f["USER.md"] },
  { name: "missing IDENTITY.md", code: "E_CORE_MISSING", edit: (f) => void delete f["IDENTITY.md"] },
  { name: "manifest is not JSON", code: "E_MANIFEST_JSON", edit: (f) => {
    f["manifest.json"] = "{ schema: nope";
  } },
  {
    name: "manifest has a duplicate key",
    code: "E_MANIFEST_JSON",
    edit: (f) => {
      f["manifest.json"] = String(f["manifest.json"]).replace("{", '{\n  "agent_id": "other",');
    },
  },
  { name: "wrong schema id", code: "E_MANIFEST_SCHEMA", edit: manifestWith((m) => Object.assign(m, { schema: "clawdie.layered-soul.v2" })) },
  { name: "agent_id with capitals", code: "E_MANIFEST_SCHEMA", edit: manifestWith((m) => Object.assign(m, { agent_id: "Atlas" })) },
  { name: "agent_id with shell metacharacters", code: "E_MANIFEST_SCHEMA", edit: manifestWith((m) => Object.assign(m, { agent_id: "atlas;rm -rf /" })) },
  { name: "agent_id with SQL quote", code: "E_MANIFEST_SCHEMA", edit: manifestWith((m) => Object.assign(m, { agent_id: "atlas'--" })) },
  { name: "provenance missing", code: "E_MANIFEST_SCHEMA", edit: manifestWith((m) => void delete m.provenance) },
  { name: "privacy.memories invalid", code: "E_MANIFEST_SCHEMA", edit: manifestWith((m) => Object.assign(m.privacy as object, { memories: "everything" })) },
  { name: "adapter for an unknown harness", code: "E_MANIFEST_SCHEMA", edit: manifestWith((m) => Object.assign(m, { adapters: { emacs: { enabled: true } } })) },
  { name: "manifest is an array", code: "E_MANIFEST_SCHEMA", edit: (f) => {
    f["manifest.json"] = "[]";
  } },
  { name: "SOUL.md is not UTF-8", code: "E_NOT_UTF8", edit: (f) => {
    f["SOUL.md"] = Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a]);
  } },
  { name: "USER.md has a NUL byte", code: "E_NUL_BYTE", edit: (f) => {
    f["USER.md"] = Buffer.from("# User\n\0\n");
  } },
  { name: "SOUL.md over the size limit", code: "E_FILE_TOO_LARGE", edit: (f) => {
    f["SOUL.md"] = `# Big\n${"x".repeat(300 * 1024)}\n`;
  } },
  {
    name: "IDENTITY.md is a directory",
    code: "E_CORE_TYPE",
    edit: (f) => {
      delete f["IDENTITY.md"];
      f["IDENTITY.md/inner.md"] = "x";
    },
  },
  { name: "symlink climbing out of the repo", code: "E_SYMLINK_ESCAPE", edit: (f) => {
    f["notes.md"] = { symlink: "../../../etc/passwd" };
  } },
  { name: "absolute symlink", code: "E_SYMLINK_ESCAPE", edit: (f) => {
    f["skills/daily-summary/ref.md"] = { symlink: "/etc/shadow" };
  } },
  { name: "package-lock.json", code: "E_FORBIDDEN_FILE", edit: (f) => {
    f["package-lock.json"] = "{}";
  } },
  { name: "node_modules cache", code: "E_FORBIDDEN_FILE", edit: (f) => {
    f["skills/daily-summary/node_modules/x/index.js"] = "1";
  } },
  { name: "raw chat log", code: "E_FORBIDDEN_FILE", edit: (f) => {
    f["transcripts/2026-01-03.jsonl"] = '{"role":"user"}\n';
  } },
  { name: ".DS_Store", code: "E_FORBIDDEN_FILE", edit: (f) => {
    f[".DS_Store"] = "x";
  } },
  { name: "skill without front matter", code: "E_FRONTMATTER_MISSING", edit: (f) => {
    f["skills/daily-summary/SKILL.md"] = "# Daily\n";
  } },
  { name: "skill name differs from folder", code: "E_SKILL_NAME", edit: (f) => {
    f["skills/daily-summary/SKILL.md"] = skill("weekly-summary", "description: x");
  } },
  { name: "skill name with capitals", code: "E_SKILL_SCHEMA", edit: (f) => {
    f["skills/daily-summary/SKILL.md"] = skill("Daily_Summary", "description: x");
  } },
  { name: "skill description over 1024", code: "E_SKILL_SCHEMA", edit: (f) => {
    f["skills/daily-summary/SKILL.md"] = skill("daily-summary", `description: ${"d".repeat(1025)}`);
  } },
  { name: "skill without description", code: "E_SKILL_SCHEMA", edit: (f) => {
    f["skills/daily-summary/SKILL.md"] = skill("daily-summary", "license: MIT");
  } },
  { name: "skill compatibility over 500", code: "E_SKILL_SCHEMA", edit: (f) => {
    f["skills/daily-summary/SKILL.md"] = skill("daily-summary", `description: x\ncompatibility: ${"c".repeat(501)}`);
  } },
  { name: "skill metadata not a map of strings", code: "E_SKILL_SCHEMA", edit: (f) => {
    f["skills/daily-summary/SKILL.md"] = skill("daily-summary", "description: x\nmetadata: [1, 2]");
  } },
  { name: "loose file in skills/", code: "E_SKILL_LAYOUT", edit: (f) => {
    f["skills/notes.md"] = "# notes\n";
  } },
  { name: "skill folder without SKILL.md", code: "E_SKILL_MISSING", edit: (f) => {
    f["skills/empty-skill/README.md"] = "# x\n";
  } },
  { name: "memory with ---js front matter", code: "E_FRONTMATTER_LANG", edit: (f) => {
    f[MEM] = "---js\nmodule.exports = { title: 'x' }\n---\nbody\n";
  } },
  { name: "memory with ---toml front matter", code: "E_FRONTMATTER_LANG", edit: (f) => {
    f[MEM] = '---toml\ntitle = "x"\n---\nbody\n';
  } },
  { name: "memory importance out of range", code: "E_MEMORY_SCHEMA", edit: (f) => {
    f[MEM] = memory(okMemory.replace("importance: 3", "importance: 9"));
  } },
  { name: "memory created not a date", code: "E_MEMORY_SCHEMA", edit: (f) => {
    f[MEM] = memory(okMemory.replace("2026-01-01", "last tuesday"));
  } },
  { name: "memory missing title", code: "E_MEMORY_SCHEMA", edit: (f) => {
    f[MEM] = memory(okMemory.replace("title: Extra\n", ""));
  } },
  { name: "memory YAML syntax error", code: "E_FRONTMATTER_SYNTAX", edit: (f) => {
    f[MEM] = memory(`${okMemory}\nbad: [unclosed`);
  } },
  { name: "memory alias bomb", code: "E_FRONTMATTER_SYNTAX", edit: (f) => {
    f[MEM] = memory(aliasBomb());
  } },
  { name: "memory with a !!js/function tag", code: "E_FRONTMATTER_SYNTAX", edit: (f) => {
    f[MEM] = memory(`${okMemory}\nx: !!js/function "function(){}"`);
  } },
  { name: "memory front matter is a list", code: "E_FRONTMATTER_TYPE", edit: (f) => {
    f[MEM] = memory("- a\n- b");
  } },
  { name: "memory front matter never closed", code: "E_FRONTMATTER_SYNTAX", edit: (f) => {
    f[MEM] = `---\n${okMemory}\nbody without end\n`;
  } },
  { name: "memory outside curated/", code: "E_MEMORY_LAYOUT", edit: (f) => {
    f["memories/raw/dump.md"] = memory(okMemory);
  } },
  {
    name: "two memories with one id",
    code: "E_MEMORY_DUPLICATE",
    edit: (f) => {
      f["memories/curated/a.md"] = memory(`${okMemory}\nid: same`);
      f["memories/curated/b.md"] = memory(`${okMemory}\nid: same`);
    },
  },
  { name: "adapter for an unknown harness file", code: "E_ADAPTER_NAME", edit: (f) => {
    f["adapters/emacs.md"] = "notes\n";
  } },
];

function aliasBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 0; i < 8; i++) {
    const p = String.fromCharCode(97 + i);
    const n = String.fromCharCode(98 + i);
    lines.push(`${n}: &${n} [*${p},*${p},*${p},*${p},*${p},*${p},*${p},*${p},*${p},*${p}]`);
  }
  return lines.join("\n");
}

/** Every path with its type and content hash: proves a command wrote nothing. */
function snapshotDir(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(dir, path));
      if (st.isSymbolicLink()) out.push(`${path} -> ${readlinkSync(join(dir, path))}`);
      else if (st.isDirectory()) walk(path);
      else out.push(`${path} ${createHash("sha256").update(readFileSync(join(dir, path))).digest("hex")}`);
    }
  };
  walk("");
  return out;
}

describe("soulsync validate on malformed bundles", () => {
  assert.ok(cases.length >= 30, "the table has at least 30 bundles");
  for (const c of cases) {
    it(`${c.name} → exit 1, ${c.code}`, () => {
      const files = validSoulFiles();
      c.edit(files);
      const dir = writeTree(tmpDir(), files);
      const before = snapshotDir(dir);
      const human = soulsync(["validate", dir], { cwd: dir });
      assert.equal(human.status, 1, human.stdout + human.stderr);
      assert.match(human.stdout, new RegExp(`^[^\\n]+:\\d+:\\d+: ${c.code} `, "m"));
      assert.doesNotMatch(human.stdout + human.stderr, /\n\s+at .+:\d+:\d+\)?\n/, "no stack trace");
      const json = soulsync(["validate", dir, "--json"], { cwd: dir });
      assert.equal(json.status, 1);
      const report = JSON.parse(json.stdout) as { ok: boolean; errors: Array<{ code: string; file: string; line: number }> };
      assert.equal(report.ok, false);
      assert.ok(report.errors.some((e) => e.code === c.code), `codes: ${report.errors.map((e) => e.code).join(", ")}`);
      assert.deepEqual(snapshotDir(dir), before, "nothing written");
    });
  }
});

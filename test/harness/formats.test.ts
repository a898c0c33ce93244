// The golden files reviewed against each harness's documented format, not against our own
// output: every rule below is written from the outside reference it names, with its own parser
// (the `yaml` package, a small import resolver, Hermes' entry split), never soulsync's.
//   Agent Skills: agentskills.io specification (agentskills/agentskills docs/specification.mdx)
//     and its reference validator skills-ref (validator.py: ALLOWED_FIELDS, name/description/
//     compatibility limits, name equal to the folder).
//   Claude Code: "CLAUDE.md imports" in Claude Code's memory docs — `@path` outside code spans
//     and blocks, relative to the importing file, at most 5 hops.
//   Hermes: NousResearch/hermes-agent tools/memory_tool.py — entries joined by "\n§\n", split
//     and stripped on read, duplicates dropped, user_char_limit 1,375 on the joined text.
//   Codex: codex-rs project_doc_max_bytes, 32 KiB. OpenClaw: bootstrapMaxChars 20,000 a file;
//     bootstrapTotalMaxChars 60,000 (older default; newer releases allow 150,000).
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, it } from "node:test";
import { parse as parseYaml } from "yaml";
import { renderSoul } from "../../src/harness/render.js";
import { loadSoul } from "../../src/soul/load.js";
import { ROOT } from "../helpers/cli.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";
import { ctxFor, HOME } from "./helpers.js";

const GOLDEN = join(ROOT, "test/harness/golden");

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const abs = join(dir, e.name);
    return e.isDirectory() ? filesUnder(abs) : [abs];
  });
}

// --- Agent Skills -------------------------------------------------------------------------

const ALLOWED_FIELDS = new Set(["name", "description", "license", "allowed-tools", "metadata", "compatibility"]);

/** The spec's and skills-ref's rules for one SKILL.md; returns the broken ones. */
function agentSkillsProblems(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) return ["SKILL.md must start with YAML front matter between --- lines"];
  const meta = parseYaml(m[1]!) as Record<string, unknown>;
  const out: string[] = [];
  if (meta === null || typeof meta !== "object" || Array.isArray(meta)) return ["front matter is not a mapping"];
  const extra = Object.keys(meta).filter((k) => !ALLOWED_FIELDS.has(k));
  if (extra.length) out.push(`fields outside the spec: ${extra.join(", ")}`);
  const name = meta.name;
  if (typeof name !== "string" || name.trim() === "") out.push("name must be a non-empty string");
  else {
    if (name.length > 64) out.push("name over 64 characters");
    if (!/^[a-z0-9-]+$/.test(name)) out.push("name may hold only a-z, 0-9 and -");
    if (name.startsWith("-") || name.endsWith("-")) out.push("name starts or ends with -");
    if (name.includes("--")) out.push("name holds --");
    if (name !== dirname(file).split(sep).pop()) out.push(`name ${name} is not the folder name`);
  }
  const description = meta.description;
  if (typeof description !== "string" || description.trim() === "") out.push("description must be a non-empty string");
  else if (description.length > 1024) out.push("description over 1024 characters");
  if ("compatibility" in meta && (typeof meta.compatibility !== "string" || meta.compatibility.length < 1 || meta.compatibility.length > 500)) out.push("compatibility must be 1-500 characters");
  if ("metadata" in meta) {
    const md = meta.metadata as Record<string, unknown>;
    if (md === null || typeof md !== "object" || Array.isArray(md) || Object.values(md).some((v) => typeof v !== "string")) out.push("metadata must map strings to strings");
  }
  if ("allowed-tools" in meta) {
    const t = meta["allowed-tools"];
    if (typeof t !== "string" && !(Array.isArray(t) && t.every((x) => typeof x === "string"))) out.push("allowed-tools must be a string or a list of strings");
  }
  return out;
}

describe("golden SKILL.md files follow the Agent Skills specification", () => {
  const skills = filesUnder(GOLDEN).filter((f) => f.endsWith(`${sep}SKILL.md`));
  it("there are skills to review in every harness that takes them", () => {
    for (const h of ["pi", "hermes", "codex", "claude-code", "openclaw"]) {
      assert.ok(skills.some((f) => f.startsWith(join(GOLDEN, h) + sep)), `no SKILL.md in golden/${h}`);
    }
  });
  for (const file of skills) it(relative(GOLDEN, file), () => assert.deepEqual(agentSkillsProblems(file), []));

  it("the checker can fail: it refuses what the spec's own examples call invalid", () => {
    const check = (front: string) => {
      const dir = writeTree(tmpDir("soulsync-skill-"), { "pdf-processing/SKILL.md": `---\n${front}\n---\n\nbody\n` });
      return agentSkillsProblems(join(dir, "pdf-processing/SKILL.md"));
    };
    assert.notDeepEqual(check("name: PDF-Processing\ndescription: x"), []);
    assert.notDeepEqual(check("name: pdf--processing\ndescription: x"), []);
    assert.notDeepEqual(check("name: pdf-processing\ndescription: x\nmodel: opus"), []);
    assert.notDeepEqual(check("name: other-name\ndescription: x"), []);
    assert.deepEqual(check("name: pdf-processing\ndescription: Extract PDF text."), []);
  });
});

// --- Claude Code imports ------------------------------------------------------------------

/** `@path` tokens outside fenced code blocks and inline code spans, as Claude Code reads them. */
function importsOf(markdown: string): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const prose = line.replace(/`[^`]*`/g, "");
    for (const m of prose.matchAll(/(?:^|\s)@((?:~\/|\.{0,2}\/|[A-Za-z0-9_.-])[^\s]*)/g)) out.push(m[1]!);
  }
  return out;
}

describe("golden CLAUDE.md imports resolve the way Claude Code resolves them", () => {
  const claudeDir = join(GOLDEN, "claude-code/.claude");
  const main = join(claudeDir, "CLAUDE.md");

  it("every import, followed at most 5 hops, is a rendered file inside ~/.claude", () => {
    const reached = new Set<string>();
    const visit = (file: string, depth: number) => {
      for (const target of importsOf(readFileSync(file, "utf8"))) {
        assert.ok(!target.startsWith("~") && !target.startsWith("/"), `${relative(GOLDEN, file)} imports a host path @${target}`);
        const abs = resolve(dirname(file), target);
        assert.ok(abs.startsWith(claudeDir + sep), `@${target} in ${relative(GOLDEN, file)} leaves ~/.claude`);
        assert.ok(existsSync(abs) && statSync(abs).isFile(), `@${target} in ${relative(GOLDEN, file)} names no rendered file`);
        assert.ok(depth < 5, `@${target} is more than 5 hops from CLAUDE.md`);
        if (!reached.has(abs)) {
          reached.add(abs);
          visit(abs, depth + 1);
        }
      }
    };
    visit(main, 0);
    const rendered = filesUnder(join(claudeDir, "soulsync"));
    assert.ok(rendered.length >= 3, "the soul's files are rendered under .claude/soulsync/");
    assert.deepEqual([...reached].sort(), rendered.sort(), "CLAUDE.md reaches exactly the rendered soul files");
  });

  it("the resolver can fail: code spans and blocks are not imports, bare @names are", () => {
    assert.deepEqual(importsOf("See `@notes.md` and\n```\n@inside.md\n```\n@real.md and mail a@b.c"), ["real.md"]);
  });
});

// --- Hermes memories/USER.md --------------------------------------------------------------

const HERMES_DELIMITER = "\n§\n";
/** MemoryStore._read_file: split on the delimiter, strip, drop empty entries. */
const hermesRead = (raw: string) => (raw.trim() === "" ? [] : raw.split(HERMES_DELIMITER).map((e) => e.trim()).filter(Boolean));
/** Python's len(): code points. */
const pyLen = (s: string) => [...s].length;

describe("Hermes memories/USER.md is a list of memory entries Hermes reads back unchanged", async () => {
  const { soul } = await loadSoul({ dir: join(ROOT, "examples/souls/atlas") });
  assert.ok(soul);
  // The atlas example keeps USER.md from Hermes; share it to see the file Hermes would get.
  const shared = { ...soul, manifest: { ...soul.manifest, privacy: { ...soul.manifest.privacy, user_context: "all" as const } } };
  const render = renderSoul(shared, ["hermes"], ctxFor(HOME));
  const file = render.harnesses[0]!.files.find((f) => f.path.endsWith("memories/USER.md"));

  it("is rendered when USER.md is shared with Hermes", () => assert.ok(file, "no memories/USER.md"));
  const raw = new TextDecoder().decode(file?.content ?? new Uint8Array());
  const entries = hermesRead(raw);

  it("splits into entries (no provenance entry among them), none duplicated (Hermes would drop a duplicate)", () => {
    assert.ok(entries.length >= 1, `${entries.length} entries`);
    assert.ok(entries.every((e) => !/^Provenance:/m.test(e)), "provenance stays out of Hermes' entries");
    assert.equal(new Set(entries).size, entries.length);
  });
  it("round-trips through Hermes' read and write (its memory tool rewrites it so)", () => assert.equal(entries.join(HERMES_DELIMITER), raw.replace(/\s+$/, "")));
  it("stays within user_char_limit (1,375) counted as Hermes counts", () => assert.ok(pyLen(entries.join(HERMES_DELIMITER)) <= 1375, String(pyLen(entries.join(HERMES_DELIMITER)))));
  it("no entry is empty or only the section sign", () => assert.ok(entries.every((e) => e !== "§" && e.trim() !== "")));
});

// --- Codex and OpenClaw budgets ------------------------------------------------------------

describe("golden bootstrap files are within the harnesses' own read limits", () => {
  it("Codex reads at most project_doc_max_bytes (32 KiB) of AGENTS.md", () => {
    const bytes = readFileSync(join(GOLDEN, "codex/.codex/AGENTS.md")).byteLength;
    assert.ok(bytes > 0 && bytes <= 32 * 1024, `${bytes} bytes`);
  });
  it("OpenClaw reads at most 20,000 characters a bootstrap file and 60,000 in all", () => {
    const dir = join(GOLDEN, "openclaw/.openclaw/workspace");
    const sizes = ["AGENTS.md", "SOUL.md", "USER.md", "IDENTITY.md"].filter((f) => existsSync(join(dir, f))).map((f) => pyLen(readFileSync(join(dir, f), "utf8")));
    assert.ok(sizes.length >= 3, "bootstrap files rendered");
    for (const n of sizes) assert.ok(n <= 20_000, `${n} characters`);
    assert.ok(sizes.reduce((a, b) => a + b, 0) <= 60_000);
  });
});

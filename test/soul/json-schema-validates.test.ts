// The JSON Schemas in soul-schema/ are what an editor checks a manifest with: here an outside
// validator (Ajv 8, draft 2020-12, strict mode, with ajv-formats) runs them over the example
// souls and a table of bad cases, and each verdict must be what `soulsync validate` says — the
// manifest check (E_MANIFEST_*) and the front-matter schemas of SKILL.md and curated memories.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parseFrontMatter } from "../../src/soul/frontmatter.js";
import { memoryFrontMatterSchema } from "../../src/soul/schema/memory.js";
import { skillFrontMatterSchema } from "../../src/soul/schema/skill.js";
import { starterSoul } from "../../src/soul/starter.js";
import { checkManifest } from "../../src/soul/validate/manifest.js";
import { checkSchema } from "../../src/soul/validate/schema-check.js";
import { ROOT } from "../helpers/cli.js";

// ajv-formats is CommonJS: its default export arrives as the module object under NodeNext.
const addFormats = addFormatsModule.default;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(join(ROOT, "soul-schema", name), "utf8")));
const manifestJson = schema("manifest.schema.json");
const skillJson = schema("skill.schema.json");
const memoryJson = schema("memory.schema.json");
const noLocator = { at: () => ({ line: 1, column: 1 }), keyAt: () => ({ line: 1, column: 1 }) };

/** What validate says of a manifest.json: valid unless it reports an E_MANIFEST_* error. */
function validateSaysManifest(text: string): boolean {
  return !checkManifest(text).problems.some((p) => p.severity === "error");
}

/** What validate's schema check says of front matter `data` (unknown keys only warn). */
function validateSays(zod: Parameters<typeof checkSchema>[0], data: unknown): boolean {
  return !checkSchema(zod, data, "x.md", noLocator, "E_SCHEMA").problems.some((p) => p.severity === "error");
}

function agree(label: string, ajvSays: boolean, validates: boolean, errors: unknown): void {
  assert.equal(ajvSays, validates, `${label}: the JSON Schema says ${ajvSays ? "valid" : "invalid"} (${JSON.stringify(errors)}), validate says ${validates ? "valid" : "invalid"}`);
}

const atlas = JSON.parse(readFileSync(join(ROOT, "examples/souls/atlas/manifest.json"), "utf8")) as Record<string, unknown>;
const withPrivacy = (p: Record<string, unknown>) => ({ ...atlas, privacy: { ...(atlas.privacy as object), ...p } });
const withProvenance = (p: Record<string, unknown>) => ({ ...atlas, provenance: { ...(atlas.provenance as object), ...p } });
const without = (key: string) => Object.fromEntries(Object.entries(atlas).filter(([k]) => k !== key));

/** Bad (and borderline) manifests: [label, value, valid?]. */
const MANIFESTS: [string, unknown, boolean][] = [
  ["an unknown top-level key only warns", { ...atlas, mood: "calm" }, true],
  ["another schema id", { ...atlas, schema: "clawdie.layered-soul.v2" }, false],
  ["agent_id missing", without("agent_id"), false],
  ["agent_id with upper case", { ...atlas, agent_id: "Atlas" }, false],
  ["agent_id with a hyphen", { ...atlas, agent_id: "at-las" }, false],
  ["agent_id of 33 characters", { ...atlas, agent_id: `a${"b".repeat(32)}` }, false],
  ["agent_id of 32 characters", { ...atlas, agent_id: `a${"b".repeat(31)}` }, true],
  ["empty display_name", { ...atlas, display_name: "" }, false],
  ["display_name of 101 characters", { ...atlas, display_name: "x".repeat(101) }, false],
  ["version not a string", { ...atlas, version: 1.4 }, false],
  ["provenance missing", without("provenance"), false],
  ["no authors", withProvenance({ authors: [] }), false],
  ["created is not a date", withProvenance({ created: "last spring" }), false],
  ["created is a timestamp", withProvenance({ created: "2026-01-12T10:30:00Z" }), true],
  ["created is the 30th of February", withProvenance({ created: "2026-02-30" }), false],
  ["created is 29 February of a common year", withProvenance({ created: "2026-02-29" }), false],
  ["created is 29 February of a leap year", withProvenance({ created: "2028-02-29" }), true],
  ["created is 29 February 2100 (not a leap year)", withProvenance({ created: "2100-02-29T08:00:00Z" }), false],
  ["created is 29 February 2000 (a leap year)", withProvenance({ created: "2000-02-29" }), true],
  ["created is the 31st of April", withProvenance({ created: "2026-04-31" }), false],
  ["privacy missing", without("privacy"), false],
  ["user_context names an unknown harness", withPrivacy({ user_context: ["hermes", "slack"] }), false],
  ["user_context is a word other than all/none", withPrivacy({ user_context: "some" }), false],
  ["memories: everything", withPrivacy({ memories: "everything" }), false],
  ["skills: a list of names", withPrivacy({ skills: ["pf-change", "jail-maintenance"] }), true],
  ["skills: a bad skill name", withPrivacy({ skills: ["PF_Change"] }), false],
  ["skills_audience: none", withPrivacy({ skills_audience: "none" }), true],
  ["adapters for an unknown harness", { ...atlas, adapters: { cursor: { enabled: true } } }, false],
  ["adapters: enabled is not a boolean", { ...atlas, adapters: { pi: { enabled: "yes" } } }, false],
  ["adapters: empty", { ...atlas, adapters: {} }, true],
  ["adapters: absent", without("adapters"), true],
  ["not an object", ["clawdie.layered-soul.v1"], false],
];

describe("soul-schema/manifest.schema.json says what validate says", () => {
  it("compiles in Ajv's strict mode (no unknown keywords or formats)", () => assert.equal(typeof manifestJson, "function"));

  const examples = readdirSync(join(ROOT, "examples/souls")).map((name) => [`examples/souls/${name}/manifest.json`, readFileSync(join(ROOT, "examples/souls", name, "manifest.json"), "utf8")] as const);
  const starter = starterSoul({ agent: "nova", displayName: "Nova", today: "2026-06-01" }).get("manifest.json")!;
  for (const [label, text] of [...examples, ["the manifest soulsync init writes", starter] as const]) {
    it(label, () => {
      const value = JSON.parse(text);
      agree(label, manifestJson(value), validateSaysManifest(text), manifestJson.errors);
    });
  }
  it("the examples include both verdicts (atlas valid, broken invalid)", () => {
    assert.equal(manifestJson(atlas), true);
    assert.equal(manifestJson(JSON.parse(readFileSync(join(ROOT, "examples/souls/broken/manifest.json"), "utf8"))), false);
  });

  for (const [label, value, valid] of MANIFESTS) {
    it(label, () => {
      const text = JSON.stringify(value, null, 2);
      assert.equal(validateSaysManifest(text), valid, `validate's verdict on: ${label}`);
      agree(label, manifestJson(value), valid, manifestJson.errors);
    });
  }
});

/** Front matter of every SKILL.md / curated memory under examples/souls, parsed as validate parses it. */
function frontMatters(pattern: RegExp): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (pattern.test(abs)) {
        const { data } = parseFrontMatter(readFileSync(abs, "utf8"));
        if (data) out.push([abs.slice(ROOT.length), data]);
      }
    }
  };
  walk(join(ROOT, "examples/souls"));
  return out;
}

describe("soul-schema/skill.schema.json and memory.schema.json say what validate says", () => {
  const skills = frontMatters(/\/skills\/[^/]+\/SKILL\.md$/);
  const memories = frontMatters(/\/memories\/curated\/[^/]+\.md$/);
  it("found the examples' skills and memories", () => assert.ok(skills.length >= 8 && memories.length >= 14, `${skills.length} skills, ${memories.length} memories`));
  for (const [file, data] of skills) it(file, () => agree(file, skillJson(data), validateSays(skillFrontMatterSchema, data), skillJson.errors));
  for (const [file, data] of memories) it(file, () => agree(file, memoryJson(data), validateSays(memoryFrontMatterSchema, data), memoryJson.errors));

  const skill = { name: "pf-change", description: "Change pf safely." };
  const SKILLS: [string, unknown, boolean][] = [
    ["minimal skill", skill, true],
    ["name with a doubled hyphen", { ...skill, name: "pf--change" }, false],
    ["name ending in a hyphen", { ...skill, name: "pf-" }, false],
    ["name of 65 characters", { ...skill, name: "a".repeat(65) }, false],
    ["empty description", { ...skill, description: "" }, false],
    ["description of 1025 characters", { ...skill, description: "d".repeat(1025) }, false],
    ["description of 1024 characters", { ...skill, description: "d".repeat(1024) }, true],
    ["compatibility of 501 characters", { ...skill, compatibility: "c".repeat(501) }, false],
    ["metadata with a number value", { ...skill, metadata: { version: 1.2 } }, false],
    ["allowed-tools as a list", { ...skill, "allowed-tools": ["Read", "Bash(git:*)"] }, true],
    ["allowed-tools as a number", { ...skill, "allowed-tools": 3 }, false],
  ];
  for (const [label, value, valid] of SKILLS) {
    it(`skill: ${label}`, () => {
      assert.equal(validateSays(skillFrontMatterSchema, value), valid, `validate's verdict on: ${label}`);
      agree(label, skillJson(value), valid, skillJson.errors);
    });
  }

  const memory = { title: "Backups", topics: ["ops"], importance: 3, created: "2026-01-01" };
  const MEMORIES: [string, unknown, boolean][] = [
    ["minimal memory", memory, true],
    ["importance 6", { ...memory, importance: 6 }, false],
    ["importance 2.5", { ...memory, importance: 2.5 }, false],
    ["importance as a word", { ...memory, importance: "high" }, false],
    ["a topic with a space", { ...memory, topics: ["two words"] }, false],
    ["expires is not a date", { ...memory, expires: "soon" }, false],
    ["private: true", { ...memory, private: true }, true],
    ["id with upper case", { ...memory, id: "Backups" }, false],
  ];
  for (const [label, value, valid] of MEMORIES) {
    it(`memory: ${label}`, () => {
      assert.equal(validateSays(memoryFrontMatterSchema, value), valid, `validate's verdict on: ${label}`);
      agree(label, memoryJson(value), valid, memoryJson.errors);
    });
  }
});

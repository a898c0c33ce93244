import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CHUNKING_VERSION } from "../../src/brain/import/chunk.js";
import { type ExistingMemory, planImport, summarizePlan } from "../../src/brain/import/plan.js";
import { type MemoryRow, type SkillRow, memoryRow } from "../../src/brain/import/rows.js";

const mem = (id: string, body = `body of ${id}`): MemoryRow =>
  memoryRow({ id, path: `memories/curated/${id}.md`, frontMatter: { title: id, topics: ["t"], importance: 3, created: "2026-01-01", private: false }, body });
const skill = (name: string, raw = name): SkillRow => ({ name, description: name, body: raw, raw, files: [`skills/${name}/SKILL.md`], contentHash: `h:${raw}` });
const have = (m: MemoryRow, over: Partial<ExistingMemory> = {}): ExistingMemory => ({
  id: m.id, contentHash: m.contentHash, chunkingVersion: CHUNKING_VERSION, tsConfig: "simple", retired: false, ...over,
});
const input = (memories: MemoryRow[], skills: SkillRow[] = []) => ({ agent: "atlas", revision: "main@sha1:abc", tsConfig: "simple", memories, skills });

describe("planImport", () => {
  it("inserts everything into an empty brain, with chunks", () => {
    const plan = planImport(input([mem("a"), mem("b")], [skill("s")]), { memories: [], skills: [] });
    assert.equal(plan.version, 1);
    assert.deepEqual(plan.actions.map((a) => a.kind), ["memory.insert", "memory.insert", "skill.insert"]);
    const first = plan.actions[0];
    assert.ok(first?.kind === "memory.insert" && first.chunks.length === 1);
  });

  it("plans nothing when every hash matches", () => {
    const a = mem("a");
    const plan = planImport(input([a], [skill("s")]), { memories: [have(a)], skills: [{ name: "s", contentHash: "h:s", retired: false }] });
    assert.deepEqual(plan.actions, []);
  });

  it("updates changed content, retires what left, revives what came back", () => {
    const a = mem("a");
    const b = mem("b");
    const plan = planImport(input([mem("a", "new body"), b]), {
      memories: [have(a), have(b, { retired: true }), have(mem("gone"))],
      skills: [],
    });
    assert.deepEqual(
      plan.actions.map((x) => [x.kind, "reason" in x ? x.reason : ""]),
      [["memory.update", "content"], ["memory.update", "revived"], ["memory.retire", ""]],
    );
  });

  it("re-chunks when the chunking version or the text-search configuration changed", () => {
    const a = mem("a");
    const b = mem("b");
    const plan = planImport(input([a, b]), { memories: [have(a, { chunkingVersion: 0 }), have(b, { tsConfig: "german" })], skills: [] });
    assert.deepEqual(plan.actions.map((x) => ("reason" in x ? x.reason : "")), ["chunking", "chunking"]);
  });

  it("does not retire twice", () => {
    const plan = planImport(input([]), { memories: [have(mem("old"), { retired: true })], skills: [{ name: "s", contentHash: "x", retired: true }] });
    assert.deepEqual(plan.actions, []);
  });

  it("updates and retires skills", () => {
    const plan = planImport(input([], [skill("a", "v2")]), {
      memories: [],
      skills: [{ name: "a", contentHash: "h:v1", retired: false }, { name: "b", contentHash: "h:b", retired: false }],
    });
    assert.deepEqual(summarizePlan(plan), { "memory.insert": 0, "memory.update": 0, "memory.retire": 0, "skill.insert": 0, "skill.update": 1, "skill.retire": 1 });
  });

  it("hashes content, not identity: same text gives the same hash", () => {
    assert.equal(mem("a").contentHash, mem("a").contentHash);
    assert.notEqual(mem("a").contentHash, mem("a", "other").contentHash);
  });
});

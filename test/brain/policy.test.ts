import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { selectImportable } from "../../src/brain/import/policy.js";
import type { MemoryDoc, SkillDoc, Soul } from "../../src/soul/model.js";

const memory = (id: string, extra: Partial<MemoryDoc["frontMatter"]> = {}): MemoryDoc => ({
  id, path: `memories/curated/${id}.md`, body: id, frontMatter: { title: id, topics: [], importance: 1, created: "2026-01-01", private: false, ...extra },
});
const skill = (name: string): SkillDoc => ({ name, dir: `skills/${name}`, frontMatter: { name, description: name }, body: "", raw: "", files: [] });

function soul(privacy: Soul["manifest"]["privacy"]): Soul {
  return {
    manifest: { schema: "clawdie.layered-soul.v1", agent_id: "atlas", display_name: "Atlas", provenance: { authors: ["x"], created: "2026-01-01" }, privacy, adapters: {} },
    soul: "", user: "the user", identity: "", agents: undefined, label: "t", commit: undefined, adapters: {},
    memories: [memory("keep"), memory("secret", { private: true }), memory("old", { expires: "2026-02-01" }), memory("later", { expires: "2026-03-01" })],
    skills: [skill("a"), skill("b"), skill("c")],
  };
}

describe("selectImportable", () => {
  const open = { memories: "curated", skills: "all", user_context: "all" } as const;

  it("keeps curated memories, drops private and expired ones", () => {
    const s = selectImportable(soul(open), { memories: "curated", skills: "all", user_context: false }, "2026-02-15");
    assert.deepEqual(s.memories.map((m) => m.id), ["keep", "later"]);
    assert.deepEqual(s.skipped, { private: 1, expired: 1, policy: 0, skills: 0 });
    assert.equal(s.userContext, undefined);
  });

  it("imports no memory when either side says none", () => {
    assert.equal(selectImportable(soul({ ...open, memories: "none" }), { memories: "curated", skills: "all", user_context: false }, "2026-01-01").memories.length, 0);
    const s = selectImportable(soul(open), { memories: "none", skills: "all", user_context: false }, "2026-01-01");
    assert.equal(s.memories.length, 0);
    assert.equal(s.skipped.policy, 4);
  });

  it("intersects the skill lists", () => {
    const pick = (soulRule: Soul["manifest"]["privacy"]["skills"], hostRule: "all" | "none" | string[]) =>
      selectImportable(soul({ ...open, skills: soulRule }), { memories: "curated", skills: hostRule, user_context: false }, "2026-01-01").skills.map((x) => x.name);
    assert.deepEqual(pick("all", "all"), ["a", "b", "c"]);
    assert.deepEqual(pick(["a", "b"], ["b", "c"]), ["b"]);
    assert.deepEqual(pick("none", "all"), []);
    assert.deepEqual(pick("all", "none"), []);
    assert.deepEqual(pick("all", ["c"]), ["c"]);
  });

  it("imports USER.md only when the soul shares it with every harness and the host allows it", () => {
    const host = { memories: "curated", skills: "all", user_context: true } as const;
    assert.equal(selectImportable(soul(open), host, "2026-01-01").userContext, "the user");
    assert.equal(selectImportable(soul({ ...open, user_context: ["hermes"] }), host, "2026-01-01").userContext, undefined);
    assert.equal(selectImportable(soul({ ...open, user_context: "none" }), host, "2026-01-01").userContext, undefined);
    assert.equal(selectImportable(soul(open), { ...host, user_context: false }, "2026-01-01").userContext, undefined);
  });
});

// Import, re-import, change, retire, search and policy, on PGlite and on the real server.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DEFAULT_HOST_POLICY, importSoul, openAgentBrain, readBrainStats, searchMemories, type AgentBrain } from "../../src/brain/index.js";
import { backends, uniqueAgent } from "./helpers/backends.js";
import { soulOf } from "./helpers/load.js";

const today = "2026-06-01";
const base = {
  alpha: { title: "Backup schedule", topics: ["ops"], body: "Backups of the garden server run nightly at three." },
  beta: { title: "Favourite tea", body: "The operator drinks green tea in the morning." },
};

for (const backend of await backends()) {
  describe(`brain import on ${backend.name}`, { skip: backend.unavailable && `server unreachable: ${backend.unavailable}` }, () => {
    const agent = uniqueAgent("store");
    let brain: AgentBrain;
    before(async () => {
      brain = await openAgentBrain(backend.target, agent);
    });
    after(async () => brain?.close());

    it("imports memories and skills with the source revision on every row, then re-imports nothing", async () => {
      const soul = await soulOf({ agent, memories: base, skills: { "daily-summary": "Summarise the day." } });
      const first = await importSoul(brain, { soul, policy: DEFAULT_HOST_POLICY, today, revision: "main@sha1:1111" });
      assert.equal(first.changed, true);
      assert.deepEqual([first.actions["memory.insert"], first.actions["skill.insert"]], [2, 1]);
      assert.equal(first.rowsWritten, 2 + 2 + 1);
      const { rows } = await brain.brain.query<{ source_revision: string }>("SELECT source_revision FROM system_brain.memories WHERE agent = $1 UNION ALL SELECT source_revision FROM system_brain.memory_chunks WHERE agent = $1", [agent]);
      assert.deepEqual(new Set(rows.map((r) => r.source_revision)), new Set(["main@sha1:1111"]));
      const skills = await brain.skills.query<{ source_revision: string }>("SELECT source_revision FROM system_skills.skills WHERE agent = $1", [agent]);
      assert.deepEqual(skills.rows.map((r) => r.source_revision), ["main@sha1:1111"]);

      const again = await importSoul(brain, { soul, policy: DEFAULT_HOST_POLICY, today, revision: "main@sha1:2222" });
      assert.equal(again.rowsWritten, 0);
      assert.equal(again.changed, false);
      assert.equal(again.previousRevision, "main@sha1:1111");
      assert.equal((await readBrainStats(brain)).revision, "main@sha1:2222");
    });

    it("finds memories ranked, with a snippet and the source path", async () => {
      const { hits } = await searchMemories(brain.brain, agent, "garden backups");
      assert.equal(hits.length, 1);
      assert.equal(hits[0]?.path, "memories/curated/alpha.md");
      assert.equal(hits[0]?.title, "Backup schedule");
      assert.match(hits[0]!.snippet, /«garden»/);
      assert.ok(hits[0]!.rank > 0);
      assert.equal((await searchMemories(brain.brain, agent, "tea")).hits[0]?.id, "beta");
    });

    it("updates a changed memory, retires one whose file left, revives it when it returns", async () => {
      const changed = await soulOf({ agent, memories: { alpha: { ...base.alpha, body: "Backups now run hourly." } }, skills: {} });
      const r = await importSoul(brain, { soul: changed, policy: DEFAULT_HOST_POLICY, today, revision: "main@sha1:3333" });
      assert.deepEqual([r.actions["memory.update"], r.actions["memory.retire"], r.actions["skill.retire"]], [1, 1, 1]);
      assert.equal((await searchMemories(brain.brain, agent, "tea")).hits.length, 0);
      assert.equal((await searchMemories(brain.brain, agent, "hourly")).hits.length, 1);
      const stats = await readBrainStats(brain);
      assert.deepEqual([stats.memories.live, stats.memories.retired, stats.skills.live, stats.skills.retired], [1, 1, 0, 1]);
      const { rows } = await brain.brain.query<{ retired_revision: string }>("SELECT retired_revision FROM system_brain.memories WHERE agent = $1 AND id = 'beta'", [agent]);
      assert.equal(rows[0]?.retired_revision, "main@sha1:3333");

      const back = await soulOf({ agent, memories: base });
      const r2 = await importSoul(brain, { soul: back, policy: DEFAULT_HOST_POLICY, today, revision: "main@sha1:4444" });
      assert.equal(r2.actions["memory.update"], 2);
      assert.equal((await searchMemories(brain.brain, agent, "tea")).hits.length, 1);
    });

    it("retires what the policy no longer allows", async () => {
      const soul = await soulOf({ agent, memories: base, skills: { a: "Skill a.", b: "Skill b." } });
      await importSoul(brain, { soul, policy: DEFAULT_HOST_POLICY, today, revision: "main@sha1:5555" });
      const r = await importSoul(brain, { soul, policy: { memories: "none", skills: ["b"], user_context: false }, today, revision: "main@sha1:6666" });
      assert.deepEqual([r.actions["memory.retire"], r.actions["skill.retire"]], [2, 1]);
      const stats = await readBrainStats(brain);
      assert.equal(stats.memories.live, 0);
      assert.equal(stats.skills.live, 1);
    });

    it("imports USER.md only when both sides allow it", async () => {
      const soul = await soulOf({ agent, memories: base, privacy: { user_context: "all" }, user: "# Operator\n\nPrefers Slovenian weather reports.\n" });
      await importSoul(brain, { soul, policy: DEFAULT_HOST_POLICY, today, revision: "u1" });
      assert.equal((await searchMemories(brain.brain, agent, "weather")).hits.length, 0);
      await importSoul(brain, { soul, policy: { ...DEFAULT_HOST_POLICY, user_context: true }, today, revision: "u2" });
      const { hits } = await searchMemories(brain.brain, agent, "weather");
      assert.equal(hits[0]?.path, "USER.md");
    });

    it("splits a long memory into chunks and returns it once, with the matching chunk's snippet", async () => {
      const filler = (w: string) => Array.from({ length: 8 }, () => `${w} `.repeat(30).trim()).join("\n\n");
      const body = `${filler("meadow")}\n\nThe lighthouse key hangs by the door.\n\n${filler("harbour")}`;
      const soul = await soulOf({ agent, memories: { long: { title: "Long one", body } } });
      await importSoul(brain, { soul, policy: DEFAULT_HOST_POLICY, today, revision: "c1" });
      const { rows } = await brain.brain.query<{ n: string }>("SELECT count(*) AS n FROM system_brain.memory_chunks WHERE agent = $1 AND memory_id = 'long'", [agent]);
      assert.ok(Number(rows[0]?.n) >= 3, `expected several chunks, got ${rows[0]?.n}`);
      const { hits } = await searchMemories(brain.brain, agent, "lighthouse key");
      assert.equal(hits.length, 1);
      assert.match(hits[0]!.snippet, /«lighthouse» «key»/);
    });

    it("indexes with the locale's configuration, re-chunking when it changes", async () => {
      const soul = await soulOf({ agent, memories: { haus: { title: "Wohnen", body: "Die Häuser am See sind blau." } } });
      const r = await importSoul(brain, { soul, policy: DEFAULT_HOST_POLICY, today, locale: "de-DE", revision: "d1" });
      assert.equal(r.tsConfig, "german");
      assert.equal((await searchMemories(brain.brain, agent, "Haus")).hits.length, 1, "german stemming matches Häuser");
      const sl = await importSoul(brain, { soul, policy: DEFAULT_HOST_POLICY, today, locale: "sl-SI", revision: "d2" });
      assert.equal(sl.tsConfig, "simple");
      assert.equal(sl.actions["memory.update"], 1);
      assert.equal((await searchMemories(brain.brain, agent, "Haus")).hits.length, 0, "simple does not stem");
    });
  });
}

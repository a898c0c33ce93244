// Two agents on one host never see each other's rows: on a server each has its own databases
// that only its own role may open; embedded, each has its own PGlite data directory.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { DEFAULT_HOST_POLICY, type AgentBrain, importSoul, listBrainAgents, openAgentBrain, readBrainStats, searchMemories } from "../../src/brain/index.js";
import { openPg } from "../../src/brain/db/pg.js";
import { PG_URL, backends, uniqueAgent } from "./helpers/backends.js";
import { soulOf } from "./helpers/load.js";

const asRole = (role: string, database: string) => {
  const u = new URL(PG_URL);
  u.username = role;
  u.password = "";
  return openPg(u.toString(), database);
};

for (const backend of await backends()) {
  describe(`isolation between agents on ${backend.name}`, { skip: backend.unavailable && `server unreachable: ${backend.unavailable}` }, () => {
    const a = uniqueAgent("iso_a");
    const b = uniqueAgent("iso_b");
    let brainA: AgentBrain;
    let brainB: AgentBrain;
    before(async () => {
      if (backend.name === "pg") {
        // The host reconcile step creates each agent's login role; here the test does.
        const admin = await openPg(PG_URL);
        for (const role of [a, b]) await admin.query(`CREATE ROLE "${role}" LOGIN`);
        await admin.close();
      }
      brainA = await openAgentBrain(backend.target, a);
      brainB = await openAgentBrain(backend.target, b);
      const today = "2026-06-01";
      await importSoul(brainA, { soul: await soulOf({ agent: a, memories: { m: { body: "Atlas keeps the lighthouse logbook." } } }), policy: DEFAULT_HOST_POLICY, today });
      await importSoul(brainB, { soul: await soulOf({ agent: b, memories: { m: { body: "Mevy tends the orchard bees." } } }), policy: DEFAULT_HOST_POLICY, today });
    });
    after(async () => {
      await brainA?.close();
      await brainB?.close();
    });

    it("searches and counts only the agent's own memories, even with the same memory id", async () => {
      assert.equal((await searchMemories(brainA.brain, a, "lighthouse")).hits.length, 1);
      assert.equal((await searchMemories(brainA.brain, a, "orchard")).hits.length, 0);
      assert.equal((await searchMemories(brainB.brain, b, "lighthouse")).hits.length, 0);
      assert.equal((await readBrainStats(brainA)).memories.live, 1);
      // Physically apart: the other agent's rows are not in this agent's database at all.
      const { rows } = await brainA.brain.query<{ n: string }>("SELECT count(*) AS n FROM system_brain.memories");
      assert.equal(Number(rows[0]?.n), 1);
      const agents = await listBrainAgents(backend.target);
      assert.ok(agents.includes(a) && agents.includes(b));
    });

    if (backend.name === "pglite") {
      it("keeps each agent in its own data directory", () => {
        assert.equal(backend.target.kind, "pglite");
        if (backend.target.kind !== "pglite") return;
        assert.notEqual(brainA.brain.key, brainB.brain.key);
        assert.ok(existsSync(join(backend.target.root, a, "PG_VERSION")));
        assert.ok(existsSync(join(backend.target.root, b, "PG_VERSION")));
      });
    } else {
      it("lets each agent's role open its own databases only", async () => {
        const own = await asRole(a, `${a}_system_brain`);
        const { rows } = await own.query<{ body: string }>("SELECT body FROM system_brain.memories");
        assert.match(rows[0]!.body, /lighthouse/);
        // The agent's embedder may fill embeddings, but may not rewrite memories.
        await own.query("UPDATE system_brain.memory_chunks SET embedding = '{0.1,0.2}', embedding_model = 'test'");
        await assert.rejects(own.query("UPDATE system_brain.memories SET body = 'x'"), (e: Error & { code?: string }) => e.code === "E_DB_ACCESS");
        await own.close();
        for (const part of ["brain", "skills", "ops"]) {
          await assert.rejects(asRole(a, `${b}_system_${part}`), (e: Error & { code?: string }) => e.code === "E_DB_ACCESS", `${a} must not open ${b}_system_${part}`);
        }
        assert.equal((await readBrainStats(brainA)).memories.embedded, 1);
      });
    }
  });
}

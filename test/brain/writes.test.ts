// "Re-importing an unchanged soul writes no row" (README, Brain), measured by the database
// rather than by the importer's rowsWritten counter: the statistics system's tuple counters
// (pg_stat_user_tables) and the row versions (ctid, xmin) of every table in system_brain and
// system_skills, on PGlite and on the real server. A changed soul is measured the same way, so
// the measurement is shown to see writes when there are some.
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { DEFAULT_HOST_POLICY, importSoul, openAgentBrain } from "../../src/brain/index.js";
import { openPg } from "../../src/brain/db/pg.js";
import type { Db } from "../../src/brain/db/types.js";
import { agentDatabaseName } from "../../src/brain/names.js";
import type { Soul } from "../../src/soul/model.js";
import { PG_URL, backends, uniqueAgent } from "./helpers/backends.js";
import { soulOf } from "./helpers/load.js";
import { rowVersions, tupleWrites, writesBetween } from "./helpers/writes.js";

const today = "2026-06-01";
const SCHEMAS = ["system_brain", "system_skills"] as const;
const memories = {
  alpha: { title: "Backup schedule", topics: ["ops"], body: "Backups of the garden server run nightly at three." },
  beta: { title: "Favourite tea", body: "The operator drinks green tea in the morning." },
};

for (const backend of await backends()) {
  describe(`measured writes on ${backend.name}`, { skip: backend.unavailable && `server unreachable: ${backend.unavailable}` }, () => {
    const agent = uniqueAgent("writes");
    const observers: Db[] = [];
    after(async () => {
      for (const o of observers) await o.close();
    });

    type Schema = (typeof SCHEMAS)[number];
    let obs: Record<Schema, Db> | undefined;

    /** Where to read: the brain's own session on PGlite; on the server, observers of its own. */
    async function readersFor(brain: { brain: Db; skills: Db }): Promise<Record<Schema, Db>> {
      if (backend.name === "pglite") return { system_brain: brain.brain, system_skills: brain.skills };
      if (!obs) {
        const open = (part: "brain" | "skills") => openPg(PG_URL, agentDatabaseName(agent, part));
        obs = { system_brain: await open("brain"), system_skills: await open("skills") };
        observers.push(obs.system_brain, obs.system_skills);
      }
      return obs;
    }

    const measure = async (r: Record<Schema, Db>) => ({
      counts: Object.fromEntries(await Promise.all(SCHEMAS.map(async (s) => [s, await tupleWrites(r[s], s)]))) as Record<Schema, Map<string, number>>,
      versions: (await Promise.all(SCHEMAS.map((s) => rowVersions(r[s], s)))).join("\n"),
    });

    /**
     * One import, measured. On the server the importing session is closed before the second
     * reading, so its backends have flushed their counters; PGlite has a single session.
     */
    async function measuredImport(soul: Soul, revision: string) {
      const brain = await openAgentBrain(backend.target, agent);
      try {
        const readers = await readersFor(brain);
        if (backend.name === "pg") await brain.close();
        const before = await measure(readers);
        const importer = backend.name === "pg" ? await openAgentBrain(backend.target, agent) : brain;
        let result: Awaited<ReturnType<typeof importSoul>>;
        try {
          result = await importSoul(importer, { soul, policy: DEFAULT_HOST_POLICY, today, revision });
        } finally {
          if (backend.name === "pg") await importer.close();
        }
        const afterwards = await measure(readers);
        const writes = Object.fromEntries(SCHEMAS.map((s) => [s, writesBetween(before.counts[s], afterwards.counts[s])]));
        return { result, writes, same: before.versions === afterwards.versions };
      } finally {
        if (backend.name === "pglite") await brain.close();
      }
    }

    it("the first import writes rows, and the database counts them", async () => {
      // The brain is created (and migrated) by a first open, so the import is measured alone.
      await (await openAgentBrain(backend.target, agent)).close();
      const soul = await soulOf({ agent, memories, skills: { "daily-summary": "Summarise the day." } });
      const first = await measuredImport(soul, "main@sha1:1111");
      assert.equal(first.same, false, "new row versions");
      // rowsWritten counts memories, chunks and skills; the text-search setting is one row more.
      assert.equal(first.result.rowsWritten, 5);
      assert.deepEqual(first.writes, { system_brain: { memories: 2, memory_chunks: 2, settings: 1 }, system_skills: { skills: 1 } });
    });

    it("re-importing the unchanged soul writes no row in system_brain or system_skills", async () => {
      const soul = await soulOf({ agent, memories, skills: { "daily-summary": "Summarise the day." } });
      const again = await measuredImport(soul, "main@sha1:2222");
      assert.deepEqual(again.writes, { system_brain: {}, system_skills: {} }, "tuple counters unchanged");
      assert.equal(again.same, true, "every row keeps its ctid and xmin");
      assert.equal(again.result.rowsWritten, 0, "and the importer's counter agrees");
    });

    it("a changed memory is seen by the same measurement", async () => {
      const soul = await soulOf({ agent, memories: { ...memories, alpha: { ...memories.alpha, body: "Backups now run hourly." } }, skills: { "daily-summary": "Summarise the day." } });
      const changed = await measuredImport(soul, "main@sha1:3333");
      assert.equal(changed.same, false);
      assert.ok((changed.writes.system_brain?.memories ?? 0) >= 1, JSON.stringify(changed.writes));
      assert.deepEqual(changed.writes.system_skills, {}, "the skill did not change");
    });
  });
}

// Migrations, the inventory store and soulsync's runtime state, on both backends.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  type AgentBrain,
  createInventoryStore,
  finishRun,
  listConditions,
  listEvents,
  listRuns,
  logEvent,
  markApplied,
  migratePart,
  migrateAll,
  openAgentBrain,
  readApplied,
  setCondition,
  startRun,
} from "../../src/brain/index.js";
import { backends, uniqueAgent } from "./helpers/backends.js";

for (const backend of await backends()) {
  describe(`system_ops and migrations on ${backend.name}`, { skip: backend.unavailable && `server unreachable: ${backend.unavailable}` }, () => {
    const agent = uniqueAgent("ops");
    let brain: AgentBrain;
    before(async () => {
      brain = await openAgentBrain(backend.target, agent);
    });
    after(async () => brain?.close());

    it("records each part's applied migrations once", async () => {
      const shipped = { brain: [1], skills: [1], ops: [1, 2] };
      for (const part of ["brain", "skills", "ops"] as const) {
        const { rows } = await brain[part].query<{ version: number }>(`SELECT version FROM system_${part}.schema_migrations ORDER BY version`);
        assert.deepEqual(rows.map((r) => r.version), shipped[part]);
      }
      const again = await migrateAll(brain);
      assert.deepEqual(again.map((r) => [r.part, r.version, r.applied.length]), [["brain", 1, 0], ["skills", 1, 0], ["ops", 2, 0]]);
    });

    it("applies a new migration forward, refuses a database ahead of the code or an edited migration", async () => {
      const v3 = { version: 3, name: "test column", statements: ["ALTER TABLE system_ops.events ADD COLUMN test_note text"] };
      const { OPS_MIGRATIONS } = await import("../../src/brain/migrations/ops.js");
      const r = await migratePart(brain.ops, "ops", [...OPS_MIGRATIONS, v3]);
      assert.deepEqual(r.applied, [3]);
      await assert.rejects(migratePart(brain.ops, "ops", OPS_MIGRATIONS), (e: Error & { code?: string }) => e.code === "E_MIGRATION_AHEAD");
      const edited = { ...v3, statements: ["SELECT 1"] };
      await assert.rejects(migratePart(brain.ops, "ops", [...OPS_MIGRATIONS, edited]), (e: Error & { code?: string }) => e.code === "E_MIGRATION_CHANGED");
      // Put the schema back the way the shipped migrations leave it.
      await brain.ops.query("ALTER TABLE system_ops.events DROP COLUMN test_note");
      await brain.ops.query("DELETE FROM system_ops.schema_migrations WHERE version = 3");
    });

    it("keeps an inventory: record (upsert by kind+id), list, forget", async () => {
      const inv = createInventoryStore(brain.ops, agent);
      await inv.record([
        { kind: "jail", id: `${agent}-git`, agent, data: { ip: "10.0.1.2" } },
        { kind: "alias", id: "10.0.1.1/24", agent: undefined },
      ]);
      await inv.record([{ kind: "jail", id: `${agent}-git`, agent, data: { ip: "10.0.1.3" } }]);
      const items = await inv.list();
      assert.deepEqual(items.filter((i) => i.kind !== "database"), [
        { kind: "alias", id: "10.0.1.1/24", agent: undefined, data: {} },
        { kind: "jail", id: `${agent}-git`, agent, data: { ip: "10.0.1.3" } },
      ]);
      await inv.forget([{ kind: "alias", id: "10.0.1.1/24" }]);
      assert.deepEqual((await inv.list()).filter((i) => i.kind !== "database").map((i) => i.id), [`${agent}-git`]);
      if (backend.name === "pg") {
        const dbs = (await inv.list()).filter((i) => i.kind === "database").map((i) => i.id).sort();
        assert.deepEqual(dbs, [`${agent}_system_brain`, `${agent}_system_ops`, `${agent}_system_skills`]);
      }
    });

    it("records runs, applied revisions, conditions and events", async () => {
      const id = await startRun(brain.ops, { agent, source: "soul", trigger: "manual", revision: "main@sha1:aa" });
      await finishRun(brain.ops, id, "failed", "E_SECRET");
      const runs = await listRuns(brain.ops, agent);
      assert.equal(runs[0]?.status, "failed");
      assert.equal(runs[0]?.reason, "E_SECRET");

      assert.equal(await readApplied(brain.ops, agent, "soul", "render"), undefined);
      await markApplied(brain.ops, agent, "soul", "render", "main@sha1:aa");
      await markApplied(brain.ops, agent, "soul", "render", "main@sha1:bb");
      assert.equal((await readApplied(brain.ops, agent, "soul", "render"))?.revision, "main@sha1:bb");

      await setCondition(brain.ops, { agent, source: "soul", type: "Ready", status: "False", reason: "Stalled", message: "secret found", revision: "main@sha1:bb" });
      await setCondition(brain.ops, { agent, source: "soul", type: "Ready", status: "True", reason: "Applied", message: "", revision: "main@sha1:cc" });
      assert.deepEqual((await listConditions(brain.ops, agent)).map((c) => [c.type, c.status, c.reason]), [["Ready", "True", "Applied"]]);

      await logEvent(brain.ops, { agent, kind: "test", message: "hello", data: { n: 1 } });
      const events = await listEvents(brain.ops, agent, 1);
      assert.equal(events[0]?.message, "hello");
      assert.deepEqual(events[0]?.data, { n: 1 });
    });
  });
}

for (const backend of await backends()) {
  describe(`host-wide system_ops on ${backend.name}`, { skip: backend.unavailable && `server unreachable: ${backend.unavailable}` }, () => {
    it("keeps host items apart from every agent's brain", async () => {
      let target = backend.target;
      let dropHostDb: (() => Promise<void>) | undefined;
      if (target.kind === "pg") {
        // A database of its own, so the shared test database gets no system_ops schema.
        const { openPg } = await import("../../src/brain/db/pg.js");
        const name = `${uniqueAgent("host")}_hostops`;
        const admin = await openPg(target.url);
        await admin.query(`CREATE DATABASE "${name}"`);
        const u = new URL(target.url);
        u.pathname = `/${name}`;
        target = { kind: "pg", url: u.toString() };
        dropHostDb = async () => {
          await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          await admin.close();
        };
      }
      const { openHostOps, listBrainAgents } = await import("../../src/brain/index.js");
      const host = await openHostOps(target);
      try {
        const inv = createInventoryStore(host);
        await inv.record([{ kind: "pf-file", id: "/etc/pf.warden.conf", agent: undefined, data: { sha256: "ab" } }]);
        assert.deepEqual(await inv.list(), [{ kind: "pf-file", id: "/etc/pf.warden.conf", agent: undefined, data: { sha256: "ab" } }]);
        if (target.kind === "pglite") assert.ok(!(await listBrainAgents(target)).includes("_host"));
      } finally {
        await host.close();
        await dropHostDb?.();
      }
    });
  });
}

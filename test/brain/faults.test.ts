// Faults: a killed importer leaves no partial revision, a database that goes down is a
// transient error and the revision is not marked applied until it is imported, and two
// importers of one agent never run at once.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { DEFAULT_HOST_POLICY, IMPORT_STEP, importSoul, openAgentBrain, readApplied, readBrainStats, withBackoff } from "../../src/brain/index.js";
import { LOCK } from "../../src/brain/db/lock.js";
import { openPg } from "../../src/brain/db/pg.js";
import type { BrainTarget } from "../../src/brain/target.js";
import { ROOT } from "../helpers/cli.js";
import { PG_URL, backends, uniqueAgent } from "./helpers/backends.js";
import { soulOf } from "./helpers/load.js";
import { pgProxy } from "./helpers/proxy.js";
import { writeSoul } from "./helpers/soul.js";

const CHILD = fileURLToPath(new URL("./fixtures/import-child.ts", import.meta.url));
const today = "2026-06-01";
const memories = (n: number, word: string) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`m${i}`, { body: `${word} number ${i}. ${"filler text ".repeat(60)}` }]));

/** Runs the child importer until it reports that everything is written but not committed, then kills it with SIGKILL. */
async function killMidImport(target: BrainTarget, agent: string, soulDir: string, revision: string, whileHeld?: () => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, JSON.stringify(target), agent, soulDir, revision], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`child exited (${code}) before it was ready: ${stderr}`)));
  });
  await whileHeld?.();
  child.kill("SIGKILL");
  await exited;
}

for (const backend of await backends()) {
  describe(`faults on ${backend.name}`, { skip: backend.unavailable && `server unreachable: ${backend.unavailable}` }, () => {
    it("kill -9 during an import leaves the previous revision whole, and the next import completes", async () => {
      const agent = uniqueAgent("kill");
      const before = await openAgentBrain(backend.target, agent);
      await importSoul(before, { soul: await soulOf({ agent, memories: memories(20, "old") }), policy: DEFAULT_HOST_POLICY, today, revision: "r1" });
      await before.close();

      const next = writeSoul({ agent, memories: memories(300, "new") });
      await killMidImport(backend.target, agent, next, "r2", async () => {
        if (backend.target.kind === "pglite") {
          // While the child has the embedded database open, another process cannot.
          await assert.rejects(openAgentBrain(backend.target, agent, { lockWaitMs: 300 }), (e: Error & { code?: string }) => e.code === "E_DB_BUSY");
        }
      });

      const after1 = await openAgentBrain(backend.target, agent);
      try {
        const stats = await readBrainStats(after1);
        assert.equal(stats.revision, "r1");
        assert.equal(stats.memories.live, 20);
        const { rows } = await after1.brain.query<{ n: string }>("SELECT count(*) AS n FROM system_brain.memories WHERE source_revision = 'r2'");
        assert.equal(Number(rows[0]?.n), 0, "no row of the killed revision");
        const { loadSoul } = await import("../../src/soul/load.js");
        const { soul } = await loadSoul({ dir: next });
        const r = await importSoul(after1, { soul: soul!, policy: DEFAULT_HOST_POLICY, today, revision: "r2", lockTimeoutMs: 20_000 });
        assert.equal(r.actions["memory.insert"], 280);
        assert.equal((await readBrainStats(after1)).memories.live, 300);
      } finally {
        await after1.close();
      }
    });

    if (backend.name === "pg") {
      it("database down: a transient error, retried with backoff, marked applied only once imported", async () => {
        const agent = uniqueAgent("down");
        const proxy = await pgProxy(PG_URL);
        after(() => proxy.stop());
        const target: BrainTarget = { kind: "pg", url: proxy.url };
        const soul = await soulOf({ agent, memories: memories(5, "first") });
        const b0 = await openAgentBrain(target, agent);
        await importSoul(b0, { soul, policy: DEFAULT_HOST_POLICY, today, revision: "r1" });
        await b0.close();

        // The server dies after every row is written, before the commit.
        const soul2 = await soulOf({ agent, memories: memories(8, "second") });
        const b1 = await openAgentBrain(target, agent);
        await assert.rejects(
          importSoul(b1, { soul: soul2, policy: DEFAULT_HOST_POLICY, today, revision: "r2", beforeCommit: async () => proxy.cut() }),
          (e: Error & { code?: string; kind?: string }) => e.code === "E_DB_UNAVAILABLE" && e.kind === "transient",
        );
        await b1.close().catch(() => {});
        const direct = await openAgentBrain({ kind: "pg", url: PG_URL }, agent, { create: false });
        assert.equal((await readApplied(direct.ops, agent, "soul", IMPORT_STEP))?.revision, "r1");
        assert.equal((await readBrainStats(direct)).memories.live, 5);

        // Down for good: refused connections are transient too; the retry loop waits and tries again.
        await proxy.stop();
        const delays: number[] = [];
        const result = await withBackoff(
          async () => {
            const b = await openAgentBrain(target, agent);
            try {
              return await importSoul(b, { soul: soul2, policy: DEFAULT_HOST_POLICY, today, revision: "r2" });
            } finally {
              await b.close();
            }
          },
          {
            sleep: async () => {},
            onRetry: async (e, attempt, ms) => {
              assert.equal((e as { kind?: string }).kind, "transient");
              delays.push(ms);
              if (attempt === 2) await proxy.start();
            },
          },
        );
        assert.equal(delays.length, 2);
        assert.equal(result.revision, "r2");
        assert.equal((await readApplied(direct.ops, agent, "soul", IMPORT_STEP))?.revision, "r2");
        assert.equal((await readBrainStats(direct)).memories.live, 8);
        await direct.close();
      });

      it("a second importer of the same agent waits for the advisory lock, then gives up with a retryable error", async () => {
        const agent = uniqueAgent("lock");
        const b = await openAgentBrain(backend.target, agent);
        const holder = await openPg(PG_URL, `${agent}_system_ops`);
        try {
          await holder.transaction(async (tx) => {
            await tx.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [LOCK.import, agent]);
            await assert.rejects(
              importSoul(b, { soul: await soulOf({ agent, memories: memories(2, "x") }), policy: DEFAULT_HOST_POLICY, today, lockTimeoutMs: 200 }),
              (e: Error & { code?: string; kind?: string }) => e.code === "E_BRAIN_LOCKED" && e.kind === "transient",
            );
          });
          const r = await importSoul(b, { soul: await soulOf({ agent, memories: memories(2, "x") }), policy: DEFAULT_HOST_POLICY, today, lockTimeoutMs: 200 });
          assert.equal(r.actions["memory.insert"], 2);
        } finally {
          await holder.close();
          await b.close();
        }
      });
    }
  });
}

// Brain import at scale: 10,000 curated memories of about 1 KiB, imported into an empty brain
// (target ≤ 3 s on the real server), then re-imported unchanged (target: zero rows, ≤ 0.5 s).
// Runs on the embedded PGlite and, when reachable, on the real server (DATABASE_URL or
// postgres://postgres@127.0.0.1:5432/test); creates and drops its own databases.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_HOST_POLICY, type BrainTarget, agentDatabaseName, importSoul, openAgentBrain, BRAIN_PARTS } from "../src/brain/index.js";
import { openPg } from "../src/brain/db/pg.js";
import type { MemoryDoc, Soul } from "../src/soul/model.js";

const N = 10_000;
const WORDS = "garden river memory ledger harbour window lantern orchard compass meadow signal archive kettle bridge summit".split(" ");

function body(i: number): string {
  const words: string[] = [];
  let x = i * 7919 + 13;
  while (words.join(" ").length < 1000) {
    x = (x * 1103515245 + 12345) % 2147483648;
    words.push(WORDS[x % WORDS.length]!);
  }
  return `Memory ${i}. ${words.join(" ")}.\n`;
}

function bigSoul(): Soul {
  const memories: MemoryDoc[] = [];
  for (let i = 0; i < N; i++) {
    const id = `m${String(i).padStart(5, "0")}`;
    memories.push({ id, path: `memories/curated/${id}.md`, frontMatter: { title: `Memory ${i}`, topics: ["bench"], importance: 1 + (i % 5), created: "2026-01-01", private: false }, body: body(i) });
  }
  return {
    manifest: { schema: "clawdie.layered-soul.v1", agent_id: "bench", display_name: "Bench", provenance: { authors: ["bench"], created: "2026-01-01" }, privacy: { user_context: "none", memories: "curated", skills: "all" }, adapters: {} },
    soul: "", user: "", identity: "", agents: undefined, skills: [], memories, adapters: {}, label: "bench", commit: undefined,
  };
}

async function reachable(url: string): Promise<boolean> {
  try {
    await (await openPg(url)).close();
    return true;
  } catch {
    return false;
  }
}

async function run(label: string, target: BrainTarget, agent: string, soul: Soul): Promise<void> {
  const b = await openAgentBrain(target, agent);
  try {
    const opts = { soul, policy: DEFAULT_HOST_POLICY, today: "2026-06-01", locale: "en-US", revision: "bench@sha1:1" };
    let t = performance.now();
    const first = await importSoul(b, opts);
    const firstMs = performance.now() - t;
    t = performance.now();
    const again = await importSoul(b, { ...opts, revision: "bench@sha1:2" });
    const againMs = performance.now() - t;
    console.log(`${label}: import ${N} memories (~1 KiB): ${firstMs.toFixed(0)} ms, ${first.rowsWritten} rows written (target ≤ 3000 ms on the real server)`);
    console.log(`${label}: re-import unchanged:        ${againMs.toFixed(0)} ms, ${again.rowsWritten} rows written (target 0 rows, ≤ 500 ms)`);
  } finally {
    await b.close();
  }
}

const soul = bigSoul();
const agent = `bench_${process.pid}`;
const root = mkdtempSync(join(tmpdir(), "soulsync-bench-"));
try {
  await run("embedded (PGlite)", { kind: "pglite", root }, agent, soul);
} finally {
  rmSync(root, { recursive: true, force: true });
}
const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
if (await reachable(url)) {
  try {
    await run("real server", { kind: "pg", url }, agent, soul);
  } finally {
    const admin = await openPg(url);
    for (const part of BRAIN_PARTS) await admin.query(`DROP DATABASE IF EXISTS "${agentDatabaseName(agent, part)}"`);
    await admin.close();
  }
} else {
  console.log("real server: unreachable, skipped (set DATABASE_URL)");
}

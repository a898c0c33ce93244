// Forget what was refused: a memory that carried a secret (an ed25519 private key
// made by openssl) are retired by the next revision; the rows are deleted and their tables
// rewritten, and the key's bytes are read for in the database's own files on disk — present
// before (so the test can fail), gone after. On PGlite and on a PostgreSQL server of the test's
// own (initdb + pg_ctl), whose data directory the test can read.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { DEFAULT_HOST_POLICY, importSoul, openAgentBrain } from "../../src/brain/index.js";
import type { BrainTarget } from "../../src/brain/target.js";
import { ownPostgres, ownPostgresUnavailable } from "../helpers/own-postgres.js";
import { tmpDir } from "../helpers/tmp.js";
import { soulOf } from "./helpers/load.js";

/** A fresh private key from openssl; `needle` is its random tail (the head is the fixed ASN.1 prefix). */
function privateKey(): { pem: string; needle: string } {
  const pem = execFileSync("openssl", ["genpkey", "-algorithm", "ed25519"], { encoding: "utf8" });
  const b64 = pem.split("\n")[1]!;
  return { pem, needle: b64.slice(-24, -2) };
}

/** Files under `dir` whose bytes contain `needle` (as written, or lowercased as a text-search lexeme). */
function filesWith(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const forms = [Buffer.from(needle), Buffer.from(needle.toLowerCase())];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && forms.some((f) => readFileSync(p).includes(f))) hits.push(p);
    }
  };
  walk(dir);
  return hits;
}

const today = "2026-06-01";
const keep = { title: "Backup schedule", body: "Backups run nightly at three." };

async function scenario(target: BrainTarget, agent: string, flush: () => Promise<void>, dataDir: string) {
  const { pem, needle } = privateKey();
  const leaked = { title: "Deploy key", body: `The deploy key, pasted by mistake:\n\n${pem}` };
  const soul1 = await soulOf({ agent, memories: { keep, leaked }, skills: { "deploy-helper": "Deploys the garden server." } });
  let brain = await openAgentBrain(target, agent);
  const first = await importSoul(brain, { soul: soul1, policy: DEFAULT_HOST_POLICY, today, revision: "main@sha1:1111" });
  assert.equal(first.forgotten, 0);
  await brain.close();
  await flush();
  assert.notDeepEqual(filesWith(dataDir, needle), [], "before: the key is in the database files");

  brain = await openAgentBrain(target, agent);
  const soul2 = await soulOf({ agent, memories: { keep } });
  const second = await importSoul(brain, { soul: soul2, policy: DEFAULT_HOST_POLICY, today, revision: "main@sha1:2222" });
  assert.equal(second.actions["memory.retire"], 1);
  assert.equal(second.actions["skill.retire"], 1);
  assert.equal(second.forgotten, 1, "only the row that carried the key");
  const left = await brain.brain.query<{ title: string; retired: boolean }>(
    "SELECT title, retired_at IS NOT NULL AS retired FROM system_brain.memories WHERE agent = $1",
    [agent],
  );
  assert.deepEqual(left.rows, [{ title: "Backup schedule", retired: false }], "the leaked memory's row is deleted, not kept as retired");
  const skills = await brain.skills.query<{ retired: boolean }>("SELECT retired_at IS NOT NULL AS retired FROM system_skills.skills WHERE agent = $1", [agent]);
  assert.deepEqual(skills.rows, [{ retired: true }], "a retired row without a secret is kept as retired");
  await brain.close();
  await flush();
  assert.deepEqual(filesWith(dataDir, needle), [], "after: no database file holds the key");
  return needle;
}

describe("forget what was refused", () => {
  test("on PGlite: the retired secret's bytes leave the data directory", async () => {
    const root = `${tmpDir("soulsync-forget-")}/pglite`;
    await scenario({ kind: "pglite", root }, "atlas", async () => {}, root);
  });

  const why = ownPostgresUnavailable();
  test("on a PostgreSQL server of the test's own: the retired secret's bytes leave base/", { skip: why }, async (t) => {
    const pg = await ownPostgres();
    // CHECKPOINT writes every dirty page to the relation files, so what is read is what is on disk.
    const needle = await scenario({ kind: "pg", url: pg.url }, "atlas", async () => void pg.sql("CHECKPOINT"), join(pg.data, "base"));
    const wal = filesWith(join(pg.data, "pg_wal"), needle).length;
    t.diagnostic(`pg_wal is not rewritten by VACUUM (see docs/reliability.md): the key is still in ${wal} WAL segment(s)`);
  });
});

// README (apply): "Jails are destroyed only with --prune and only when soulsync created them;
// roles and databases are never dropped", and "Files are written atomically" for the outcome in
// <state_dir>/reconcile/last-apply.json. Through the CLI with the sim driver and the real
// PostgreSQL (admin_database_url), so the roles and databases are real ones on the server.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import pg from "pg";
import { soulsync } from "../helpers/cli.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";
import { type AgentFixture, hostRepo } from "./helpers.js";

const URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const suffix = randomBytes(4).toString("hex");
const KEEP: AgentFixture = { name: `k${suffix}`, base: "10.0.41" };
const GONE: AgentFixture = { name: `g${suffix}`, base: "10.0.42" };
const databasesOf = (agent: string) => ["system_ops", "system_brain", "system_skills"].map((p) => `${agent}_${p}`);

async function onServer<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The agent's role and databases that exist on the server. */
const existing = (agent: string) =>
  onServer(async (c) => {
    const roles = await c.query("SELECT rolname FROM pg_roles WHERE rolname = $1", [agent]);
    const dbs = await c.query("SELECT datname FROM pg_database WHERE datname = ANY($1::text[]) ORDER BY 1", [databasesOf(agent)]);
    return { role: roles.rows.length === 1, databases: dbs.rows.map((r: { datname: string }) => r.datname) };
  });

after(() =>
  onServer(async (c) => {
    for (const a of [KEEP, GONE]) {
      for (const d of databasesOf(a.name)) await c.query(`DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`);
      await c.query(`DROP ROLE IF EXISTS "${a.name}"`);
    }
  }),
);

test("an agent removed from the host repo keeps its role and databases, even with --prune", async () => {
  const state = tmpDir("soulsync-never-drop-");
  const both = hostRepo([KEEP, GONE]);
  const one = hostRepo([KEEP]);
  const config = (repo: string) => {
    writeTree(state, { "soulsync.yaml": `host_repo: { path: ${repo} }\nstate_dir: ${state}/s\ndriver: sim\nadmin_database_url: ${URL}\n` });
    return join(state, "soulsync.yaml");
  };
  const apply = (repo: string, extra: string[] = []) => soulsync(["apply", "--yes", "--json", "--config", config(repo), ...extra]);

  const first = apply(both);
  assert.equal(first.status, 0, first.stdout + first.stderr);
  assert.deepEqual(await existing(GONE.name), { role: true, databases: databasesOf(GONE.name).sort() }, "created on the server");
  const outcome = join(state, "s/reconcile/last-apply.json");
  // A second name for the first outcome: an in-place rewrite would change what it shows.
  const held = join(state, "first-outcome.json");
  linkSync(outcome, held);
  const firstText = readFileSync(held, "utf8");

  const plan = soulsync(["plan", "--json", "--prune", "--config", config(one)]);
  assert.equal(plan.status, 0, plan.stderr);
  const actions = JSON.parse(plan.stdout).actions as { kind: string; sql?: string; argv?: string[] }[];
  assert.ok(actions.some((a) => a.kind === "jail.destroy"), "the removed agent's jails are pruned (the plan is not empty)");
  assert.deepEqual(actions.filter((a) => /\bDROP\b/i.test(a.sql ?? "") || /^db\.(role|database)\.(drop|remove|delete)/.test(a.kind)), [], "no role or database is dropped");

  const pruned = apply(one, ["--prune"]);
  assert.equal(pruned.status, 0, pruned.stdout + pruned.stderr);
  assert.ok(!(JSON.parse(pruned.stdout).applied as { sql?: string }[]).some((a) => /\bDROP\b/i.test(a.sql ?? "")));
  assert.deepEqual(await existing(GONE.name), { role: true, databases: databasesOf(GONE.name).sort() }, "still on the server after --prune");
  assert.deepEqual(await existing(KEEP.name), { role: true, databases: databasesOf(KEEP.name).sort() });

  // last-apply.json was replaced by a rename, not rewritten in place: the held name still shows
  // the first outcome in full, the path shows the second, and no temp file is left behind.
  assert.equal(readFileSync(held, "utf8"), firstText);
  assert.notEqual(statSync(outcome).ino, statSync(held).ino);
  assert.equal(JSON.parse(readFileSync(outcome, "utf8")).ok, true);
  assert.deepEqual(readdirSync(join(state, "s/reconcile")), ["last-apply.json"]);
  assert.ok(existsSync(join(state, "s/inventory.json")));
});

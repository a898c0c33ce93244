// The database step against the real PostgreSQL at 127.0.0.1:5432: per-agent role and databases
// created through pg on the admin connection, an empty plan afterwards; and the whole CLI apply
// with the freebsd driver (fake FreeBSD tools) plus the real server. Test names are unique and dropped.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { after, test } from "node:test";
import pg from "pg";
import { openPgAdmin } from "../../src/brain/admin/admin.js";
import { agentDbNames } from "../../src/brain/admin/names.js";
import { quoteIdent, sqlOf } from "../../src/brain/admin/sql.js";
import { applyAction } from "../../src/reconcile/apply.js";
import { simDriver } from "../../src/reconcile/drivers/sim/driver.js";
import { observeDatabase } from "../../src/reconcile/observe/index.js";
import { planDatabase } from "../../src/reconcile/plan/database.js";
import { soulsync } from "../helpers/cli.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";
import { FAKE_BIN, fakeHost, hostRepo, stateOf } from "./helpers.js";

const URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const created: string[] = [];

/** A unique agent name for this run (lowercase letter first, fits AGENT_NAME). */
function uniqueAgent(): string {
  const name = `t${randomBytes(5).toString("hex")}`;
  created.push(name);
  return name;
}

after(async () => {
  const c = new pg.Client({ connectionString: URL });
  await c.connect();
  for (const agent of created) {
    const n = agentDbNames(agent);
    for (const d of n.databases) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(d)}`);
    await c.query(`DROP ROLE IF EXISTS ${quoteIdent(n.role)}`);
  }
  await c.end();
});

test("creates the role and three databases, owned by the role; a second plan is empty", async () => {
  const agent = uniqueAgent();
  const names = agentDbNames(agent);
  const want = { database: [{ agent, ...names }] } as never;
  const driver = simDriver(tmpDir(), openPgAdmin(URL));
  try {
    const plan = planDatabase([{ agent, ...names }], await observeDatabase(driver, want));
    assert.deepEqual(plan.map((a) => sqlOf(a)), [
      `CREATE ROLE "${agent}" LOGIN`,
      `CREATE DATABASE "${agent}_system_ops" OWNER "${agent}"`,
      `CREATE DATABASE "${agent}_system_brain" OWNER "${agent}"`,
      `CREATE DATABASE "${agent}_system_skills" OWNER "${agent}"`,
    ]);
    for (const a of plan) await applyAction(driver, a);
    assert.deepEqual(planDatabase([{ agent, ...names }], await observeDatabase(driver, want)), []);
    const c = new pg.Client({ connectionString: URL });
    await c.connect();
    const r = await c.query("SELECT d.datname, r.rolname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = ANY($1::text[]) ORDER BY 1", [names.databases]);
    await c.end();
    assert.deepEqual(r.rows, names.databases.sort().map((d) => ({ datname: d, rolname: agent })));
  } finally {
    await driver.close();
  }
});

test("identifiers are validated before any SQL is built", () => {
  for (const bad of ['a"; DROP ROLE postgres; --', "Robert", "x y", "", "a".repeat(64)]) {
    assert.throws(() => quoteIdent(bad), /E_PG_IDENT|not a safe PostgreSQL identifier/);
  }
  assert.throws(() => agentDbNames("atlas; DROP"), /not a valid AGENT_NAME/);
  assert.equal(quoteIdent("atlas_system_ops"), '"atlas_system_ops"');
});

test("CLI apply with the freebsd driver: fake FreeBSD tools on PATH and the real PostgreSQL", () => {
  const agent = uniqueAgent();
  const repo = hostRepo([{ name: agent, base: "10.0.7" }]);
  const host = fakeHost();
  const state = tmpDir("soulsync-fb-state-");
  const config = join(state, "soulsync.yaml");
  writeTree(state, {
    "soulsync.yaml": `host_repo: { path: ${repo} }\nstate_dir: ${state}/s\ndriver: freebsd\nhost_root: ${host.root}\nadmin_database_url: ${URL}\n`,
  });
  const env = { PATH: `${FAKE_BIN}:${process.env.PATH}`, FAKE_FREEBSD_DIR: host.dir };
  const r1 = soulsync(["apply", "--yes", "--json", "--config", config], { env });
  assert.equal(r1.status, 0, r1.stdout + r1.stderr);
  const out = JSON.parse(r1.stdout);
  assert.equal(out.driver, "freebsd");
  assert.ok(out.applied.some((a: { sql?: string }) => a.sql === `CREATE ROLE "${agent}" LOGIN`));
  assert.equal(stateOf(host.dir).rc[`${agent}_enable`], "YES");
  const r2 = soulsync(["plan", "--json", "--config", config], { env });
  assert.equal(r2.status, 0, r2.stderr);
  assert.deepEqual(JSON.parse(r2.stdout).actions, []);
});

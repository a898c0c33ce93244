// The daemon's embedded databases in a child process (src/brain/db/pglite-child.ts running
// bin/pglite-host.js on the built bundle): queries, transactions that commit and roll back,
// database errors carried back with their codes, the child stopped with the last handle, a crash.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { pgliteChild } from "../../src/brain/db/pglite-child.js";
import { SoulsyncError } from "../../src/core/errors.js";

const root = mkdtempSync(join(tmpdir(), "soulsync-pglite-child-"));
after(() => rmSync(root, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const gone = async (pid: number) => {
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
};

describe("embedded databases in a child process", () => {
  test("queries, a committed and a rolled-back transaction, and an error with its SQLSTATE", async () => {
    const child = pgliteChild();
    const db = await child.open(join(root, "a"));
    const pid = child.pid();
    assert.ok(pid && pid !== process.pid, "the database runs in another process");
    await db.query("CREATE TABLE t (n int PRIMARY KEY, at timestamptz)");
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO t VALUES ($1, $2)", [1, new Date("2026-01-01T00:00:00Z")]);
    });
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO t VALUES (2, now())");
        throw new Error("changed my mind");
      }),
      /changed my mind/,
    );
    const r = await db.query<{ n: number; at: Date }>("SELECT n, at FROM t ORDER BY n");
    assert.deepEqual(
      r.rows.map((x) => x.n),
      [1],
      "the rolled-back row is not there",
    );
    assert.ok(r.rows[0]!.at instanceof Date, "a timestamp comes back as a Date");
    const dup = await db.query("INSERT INTO t VALUES (1, now())").catch((e) => e);
    assert.ok(dup instanceof SoulsyncError);
    assert.equal(dup.data.sqlstate, "23505");
    await db.close();
    assert.ok(await gone(pid), "the child exits when its last database closes");
    assert.equal(child.pid(), undefined);
  });

  test("a second open after the child stopped starts a new one; the data is still there", async () => {
    const child = pgliteChild();
    const a = await child.open(join(root, "b"));
    await a.query("CREATE TABLE kept (x text)");
    await a.query("INSERT INTO kept VALUES ('still here')");
    await a.close();
    const b = await child.open(join(root, "b"));
    assert.deepEqual((await b.query("SELECT x FROM kept")).rows, [{ x: "still here" }]);
    await b.close();
  });

  test("a crashed child fails what was pending as E_DB_UNAVAILABLE, tells the pool, and the next open works", async () => {
    const child = pgliteChild();
    let lost = 0;
    let unheard = 0;
    child.onLost(() => lost++);
    // A listener that stopped listening (a pool closed by a reload) is not called.
    child.onLost(() => unheard++)();
    const db = await child.open(join(root, "c"));
    const pid = child.pid()!;
    const pending = db.query("SELECT pg_sleep(5)");
    process.kill(pid, "SIGKILL");
    const e = await pending.catch((x) => x);
    assert.ok(e instanceof SoulsyncError);
    assert.equal(e.code, "E_DB_UNAVAILABLE");
    assert.equal(lost, 1);
    assert.equal(unheard, 0);
    // The dead child's lock is stale: a new child takes it over.
    const again = await child.open(join(root, "c"));
    assert.deepEqual((await again.query<{ one: number }>("SELECT 1 AS one")).rows, [{ one: 1 }]);
    await again.close();
    assert.ok(existsSync(join(root, "c", "PG_VERSION")));
  });
});

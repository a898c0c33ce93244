// The brain's error codes from the README, each produced for real: E_DB_URL by the CLI,
// E_DB_MISSING and E_PG by the real server (skipped only when it is unreachable outside CI).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { openPg } from "../../src/brain/db/pg.js";
import { SoulsyncError } from "../../src/core/errors.js";
import { soulsync } from "../helpers/cli.js";
import { tmpDir } from "../helpers/tmp.js";
import { PG_URL, backends } from "./helpers/backends.js";

const server = (await backends()).find((b) => b.name === "pg")!;

describe("brain error codes", () => {
  it("E_DB_URL: a database URL that is not postgres:// is a usage error (exit 2), printed without its password", () => {
    const r = soulsync(["brain", "stats", "--database", "mysql://root:hunter2@db.local/brain", "--json"], { env: { SOULSYNC_STATE_DIR: tmpDir() } });
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /E_DB_URL/);
    assert.doesNotMatch(r.stdout + r.stderr, /hunter2/);
  });

  describe("on the real server", { skip: server.unavailable && `server unreachable: ${server.unavailable}` }, () => {
    it("E_DB_MISSING: a database that does not exist (SQLSTATE 3D000), not retried", async () => {
      const err = await openPg(PG_URL, "soulsync_no_such_database_here").then(
        (db) => db.close().then(() => undefined),
        (e: unknown) => e,
      );
      assert.ok(err instanceof SoulsyncError, String(err));
      assert.equal(err.code, "E_DB_MISSING");
      assert.equal(err.data.sqlstate, "3D000");
      assert.equal(err.kind, "environment");
    });

    it("E_PG: any other server error, with its SQLSTATE", async () => {
      const db = await openPg(PG_URL);
      try {
        const err = await db.query("SELEC 1").then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.ok(err instanceof SoulsyncError, String(err));
        assert.equal(err.code, "E_PG");
        assert.equal(err.data.sqlstate, "42601", "syntax_error");
      } finally {
        await db.close();
      }
    });
  });
});

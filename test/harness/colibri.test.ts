// Colibri's SQLite skills table, through sql.js against real database files.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { applyHarnesses } from "../../src/harness/apply-harnesses.js";
import { openDatabase, selectAll, sqlEngine } from "../../src/harness/colibri/db.js";
import { observeColibri } from "../../src/harness/colibri/observe.js";
import { harnessPaths } from "../../src/harness/paths.js";
import type { Soul } from "../../src/soul/model.js";
import { tmpDir } from "../helpers/tmp.js";
import { ORIGIN, soulFiles, soulFrom } from "./helpers.js";

const run = (soul: Soul, home: string, o: { force?: boolean; db?: string } = {}) =>
  applyHarnesses({ soul, harnesses: ["colibri"], paths: harnessPaths(home, {}, o.db), origin: ORIGIN, mode: "apply", force: o.force });

/** The whole table, both tables, as plain data (blobs as base64). */
async function dump(file: string) {
  const { db } = await openDatabase(file);
  try {
    const rows = selectAll(db, "SELECT * FROM skills ORDER BY name");
    const hasFiles = selectAll(db, "SELECT name FROM sqlite_master WHERE name = 'skill_files'").length > 0;
    const files = hasFiles ? selectAll(db, "SELECT skill, path, executable, hex(data) AS data FROM skill_files ORDER BY skill, path") : [];
    return { rows, files };
  } finally {
    db.close();
  }
}

const EXTRA = {
  "skills/pf-change/SKILL.md": "---\nname: pf-change\ndescription: Change pf rules safely.\nmetadata:\n  owner: ops\n---\n\n# pf change\n\nCheck with pfctl -nf first.\n",
  "skills/pf-change/reference.md": "pfctl -nf /etc/pf.conf\n",
};

describe("Colibri skills table", () => {
  it("import twice gives the same table, and the second run changes nothing", async () => {
    const home = tmpDir();
    const soul = await soulFrom(soulFiles({}, EXTRA));
    const first = await run(soul, home);
    assert.deepEqual(first.problems, []);
    const db = join(home, ".colibri/colibri.sqlite");
    const once = await dump(db);
    const bytes = readFileSync(db);
    const second = await run(soul, home);
    assert.deepEqual(second.plan?.actions, []);
    assert.deepEqual(await dump(db), once);
    assert.deepEqual(readFileSync(db), bytes, "database file untouched");
    assert.deepEqual(
      once.rows.map((r) => [r.name, r.description, r.managed_by, r.source_revision]),
      [
        ["daily-summary", "Summarise the day's work and open questions for the operator. Use at the end of a working session.", "soulsync", ORIGIN.revision],
        ["pf-change", "Change pf rules safely.", "soulsync", ORIGIN.revision],
      ],
    );
    assert.equal(once.rows[1]!.metadata, '{"description":"Change pf rules safely.","metadata":{"owner":"ops"},"name":"pf-change"}');
    assert.match(String(once.rows[1]!.source), /^Provenance: rendered by soulsync from .* source skills\/pf-change\/SKILL\.md\./);
    assert.deepEqual(once.files.map((f) => [f.skill, f.path]), [["pf-change", "reference.md"]]);
  });

  it("updates a changed skill in place and deletes the one that left, by name", async () => {
    const home = tmpDir();
    await run(await soulFrom(soulFiles({}, EXTRA)), home);
    const files = soulFiles({}, { ...EXTRA, "skills/pf-change/SKILL.md": EXTRA["skills/pf-change/SKILL.md"].replace("safely", "carefully") });
    delete files["skills/daily-summary/SKILL.md"];
    const r = await run(await soulFrom(files), home);
    assert.deepEqual(
      r.applied.map((a) => [a.kind, "name" in a ? a.name : ""]),
      [
        ["colibri.upsert", "pf-change"],
        ["colibri.delete", "daily-summary"],
      ],
    );
    const { rows } = await dump(join(home, ".colibri/colibri.sqlite"));
    assert.deepEqual(rows.map((x) => [x.name, x.description]), [["pf-change", "Change pf rules carefully."]]);
  });

  it("never replaces a row it did not import; --force backs the database up first", async () => {
    const home = tmpDir();
    const file = join(home, ".colibri/colibri.sqlite");
    mkdirSync(join(home, ".colibri"));
    const SQL = await sqlEngine();
    const db = new SQL.Database();
    db.run("CREATE TABLE skills (name TEXT PRIMARY KEY NOT NULL, description TEXT NOT NULL, body TEXT NOT NULL, skill_md TEXT NOT NULL, metadata TEXT NOT NULL, content_hash TEXT NOT NULL, source TEXT NOT NULL, source_revision TEXT NOT NULL, managed_by TEXT)");
    db.run("INSERT INTO skills VALUES ('daily-summary', 'mine', 'b', 'md', '{}', 'h', 'hand', 'r', NULL)");
    db.run("INSERT INTO skills VALUES ('weather', 'mine too', 'b', 'md', '{}', 'h', 'hand', 'r', NULL)");
    writeFileSync(file, db.export());
    db.close();
    const soul = await soulFrom(soulFiles());
    const refused = await run(soul, home);
    assert.deepEqual(refused.problems.map((p) => [p.file, p.code]), [[".colibri/colibri.sqlite#skills/daily-summary", "E_COLIBRI_FOREIGN"]]);
    assert.equal((await dump(file)).rows[0]!.description, "mine");
    const forced = await run(soul, home, { force: true });
    assert.deepEqual(forced.problems, []);
    assert.ok(forced.plan?.colibriBackup);
    assert.ok(existsSync(join(home, forced.plan.colibriBackup)));
    const rows = (await dump(file)).rows.map((r) => [r.name, r.managed_by]);
    assert.deepEqual(rows, [
      ["daily-summary", "soulsync"],
      ["weather", null],
    ]);
  });

  it("refuses a skills table without the columns it needs", async () => {
    const home = tmpDir();
    const file = join(home, "custom.sqlite");
    const SQL = await sqlEngine();
    const db = new SQL.Database();
    db.run("CREATE TABLE skills (id INTEGER PRIMARY KEY, name TEXT)");
    writeFileSync(file, db.export());
    db.close();
    const r = await run(await soulFrom(soulFiles()), home, { db: file });
    assert.deepEqual(r.problems.map((p) => p.code), ["E_COLIBRI_SCHEMA"]);
    assert.match(r.problems[0]!.message, /description, body, skill_md/);
  });

  it("reads the database back from the manifest while its sha256 is unchanged, and opens it again once Colibri writes", async () => {
    const home = tmpDir();
    const db = join(home, ".colibri/colibri.sqlite");
    await run(await soulFrom(soulFiles({}, EXTRA)), home);
    const manifest = () => JSON.parse(readFileSync(join(home, ".soulsync-render.json"), "utf8")).colibri;
    const known = manifest();
    assert.match(known.dbSha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(known.others, []);
    const fast = await observeColibri(db, known);
    const full = await observeColibri(db);
    assert.deepEqual(fast.rows, full.rows, "the manifest describes the table exactly");
    // Colibri adds a row of its own: the file changes, so the next render must read the table.
    const { db: sql } = await openDatabase(db);
    sql.run("INSERT INTO skills (name, description, body, skill_md, metadata, content_hash, source, source_revision, managed_by) VALUES ('own', 'd', 'b', 's', '{}', 'h', 's', 'r', NULL)");
    writeFileSync(db, sql.export());
    sql.close();
    assert.deepEqual((await observeColibri(db, known)).rows.map((r) => [r.name, r.managedBy]), [["daily-summary", "soulsync"], ["own", null], ["pf-change", "soulsync"]]);
    const clash = await run(await soulFrom(soulFiles({}, { ...EXTRA, "skills/own/SKILL.md": "---\nname: own\ndescription: Mine.\n---\n\nx\n" })), home);
    assert.deepEqual(clash.problems.map((p) => p.code), ["E_COLIBRI_FOREIGN"]);
    const again = await run(await soulFrom(soulFiles({}, EXTRA)), home);
    assert.deepEqual(again.applied, []);
    assert.deepEqual(manifest().others, ["own"], "an unchanged database is recorded with the rows it does not own");
  });

  it("writes to --colibri-db when given", async () => {
    const home = tmpDir();
    const file = join(tmpDir(), "elsewhere.sqlite");
    await run(await soulFrom(soulFiles()), home, { db: file });
    assert.ok(existsSync(file));
    assert.ok(!existsSync(join(home, ".colibri")));
    const m = JSON.parse(readFileSync(join(home, ".soulsync-render.json"), "utf8")) as { colibri: { db: string } };
    assert.equal(m.colibri.db, file);
  });
});

// SIGKILL during a one-shot pass (while snapshotting, inside the import's transaction, after
// render's first files; test/e2e/daemon.test.ts kills the daemon at every step), then the next
// pass: consistent state, the run completes, nothing applied twice (one restart per revision,
// the brain's rows exact), no agent stuck. The kill lands exactly at the step through the
// test-only SOULSYNC_TEST_PAUSE_AT (src/core/test-pause.ts), on a PostgreSQL server of the test's own.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { killAt } from "../helpers/pause-kill.js";
import { ownPostgres, ownPostgresUnavailable } from "../helpers/own-postgres.js";
import { makeWorld, rev, type World } from "./helpers/world.js";

const why = ownPostgresUnavailable();
// Every step is killed under the daemon in daemon.test.ts, through the same runner; a one-shot
// pass repeats the three where a half-done step is left on disk or in the database.
const STEPS = ["snapshot", "import.commit", "render.file#2"];

// At the file's level: tmpDir and the server are removed by `after` hooks of the scope that made them.
const pg = why ? undefined : await ownPostgres();
const w: World | undefined = pg ? makeWorld({ agents: { atlas: {} }, databaseUrl: pg.url }) : undefined;

/** What the brain holds, read straight from the server (psql): live memories and the revision recorded as imported. */
const brain = () => ({
  live: Number(pg!.sql("SELECT count(*) FROM system_brain.memories WHERE agent = 'atlas' AND retired_at IS NULL", "atlas_system_brain")),
  revision: pg!.sql("SELECT revision FROM system_ops.applied_revisions WHERE agent = 'atlas' AND step = 'brain-import'", "atlas_system_ops") || null,
});

describe("SIGKILL during a pass, then the next pass", { skip: why }, () => {
  let memories = 0;
  test("first sync", async () => {
    if (!w) return;
    const r = await w.sync();
    assert.equal(r.status, 0, r.stdout + r.stderr);
    memories = w.brain("atlas").memories.live;
    assert.ok(memories > 0);
    assert.deepEqual(brain(), { live: memories, revision: w.brain("atlas").revision }, "psql reads what brain stats reports");
  });

  for (const step of STEPS) {
    test(`killed at ${step}`, async () => {
      if (!w) return;
      const before = { published: w.published("atlas")!, starts: w.sim().services.atlas?.starts ?? 0, brain: brain().revision };
      const name = `killed-at-${step.replace(/\W/g, "-")}`;
      const c = w.push("atlas", {
        [`memories/curated/${name}.md`]: `---\ntitle: Killed at ${step}\ntopics: [ops]\nimportance: 2\ncreated: 2026-11-01\n---\n\nThe pass was killed at ${step}.\n`,
        "SOUL.md": `${readFileSync(join(w.work.atlas, "SOUL.md"), "utf8")}\nSurvived a kill at ${step}.\n`,
      });
      const killed = await killAt(["sync", "--config", w.config, "--json"], step);
      assert.ok(killed.paused, `reached ${step}: ${killed.stderr}`);

      // What the kill left: never a half-published revision, never a half-imported one.
      const published = w.published("atlas");
      assert.ok(published === before.published || published === c, "current is the old or the new snapshot");
      if (["fetch", "snapshot", "publish"].includes(step)) assert.equal(published, before.published);
      if (step === "import" || step === "import.commit") {
        assert.deepEqual(brain(), { live: memories, revision: before.brain }, "the killed import committed nothing");
      }
      assert.equal(w.served("atlas"), before.published ? rev("main", before.published) : undefined, "the agent still runs the last good soul");

      const r = await w.sync();
      assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
      const s = w.source("atlas");
      assert.equal(s.condition, "Ready", s.message);
      assert.doesNotMatch(s.message, /E_RENDER_MODIFIED|E_SYNC_BUSY/);
      assert.equal(w.published("atlas"), c);
      assert.equal(w.served("atlas"), rev("main", c));
      memories += 1;
      assert.deepEqual(brain(), { live: memories, revision: rev("main", c) }, "the new memory once, no partial or doubled rows");
      assert.equal(w.sim().services.atlas?.starts, before.starts + 1, "restarted once for the new revision");
      const leftovers = readdirSync(join(w.stateDir, "snapshots")).filter((n) => n.startsWith(".tmp-"));
      assert.deepEqual(leftovers, [], "no half-written snapshot left behind");
      assert.equal(existsSync(join(w.home("atlas"), ".soulsync-render.journal.json")), false, "the render journal was completed");
      if (step.startsWith("render")) assert.equal((await w.sync()).status, 0, "and the pass after it is clean");
    });
  }
});

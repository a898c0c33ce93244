// The disk filling while snapshotting (a tmpfs mounted at <state>/snapshots) and while rendering
// (a tmpfs holding the sim host, the agents' homes): the last good soul stays live, the error is
// reported, and once space is back the next pass recovers (no E_RENDER_MODIFIED, nothing stuck).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { mountTmpfs } from "./helpers/tmpfs.js";
import { untilPast } from "./helpers/wait.js";
import { makeWorld, rev } from "./helpers/world.js";

const base = mkdtempSync(join(tmpdir(), "soulsync-full-"));
const snaps = mountTmpfs(join(base, "state/snapshots"), 8 * 1024 * 1024);
const homes = "fs" in snaps ? mountTmpfs(join(base, "sim"), 8 * 1024 * 1024) : snaps;
const skip = "skip" in snaps ? snaps.skip : "skip" in homes ? homes.skip : undefined;

describe("the disk fills", { skip }, () => {
  if (skip || !("fs" in snaps) || !("fs" in homes)) return;
  const w = makeWorld({ agents: { atlas: {} }, stateDir: join(base, "state"), simDir: join(base, "sim") });
  const soul = () => readFileSync(join(w.work.atlas, "SOUL.md"), "utf8");

  test("first sync", async () => {
    const r = await w.sync();
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  for (const [where, fs] of [
    ["snapshotting", snaps.fs],
    ["rendering", homes.fs],
  ] as const) {
    test(`while ${where}: last good kept, the error reported; space back: recovered`, async () => {
      const good = w.published("atlas")!;
      fs.fill();
      const c = w.push("atlas", { "SOUL.md": `${soul()}\nPushed onto a full disk (${where}).\n` });
      try {
        const r = await w.sync();
        assert.notEqual(r.status, 0, r.stdout);
        const s = w.source("atlas");
        assert.equal(s.condition, "Stalled");
        // The kernel's ENOSPC, as Node spells it or as git does ("Out of diskspace").
        assert.match(s.message, /ENOSPC|No space left on device|Out of diskspace/, s.message);
        if (where === "snapshotting") assert.equal(w.published("atlas"), good, "nothing half-exported was published");
        assert.equal(w.served("atlas"), rev("main", good), "the agent runs the last good soul");
      } finally {
        fs.free();
      }

      await untilPast(w.source("atlas").backoff?.until);
      const back = await w.sync();
      assert.equal(back.status, 0, back.stdout + back.stderr);
      assert.equal(w.source("atlas").condition, "Ready");
      assert.equal(w.published("atlas"), c);
      assert.equal(w.served("atlas"), rev("main", c));
    });
  }
});

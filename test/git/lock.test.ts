// One sync at a time per state directory (README: E_SYNC_BUSY, transient): a second run is
// refused while the first holds <state_dir>/sync.lock; a lock left by a dead process is taken over.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { SoulsyncError } from "../../src/core/errors.js";
import { acquireLock } from "../../src/git/lock.js";
import { tmpDir } from "../helpers/tmp.js";

describe("sync.lock", () => {
  it("E_SYNC_BUSY while another live process holds it; taken once that process is gone", async () => {
    const dir = tmpDir("soulsync-lock-");
    // Another run: a live process whose pid is in the lock (our own pid would count as stale).
    const other = spawn("sleep", ["60"], { stdio: "ignore" });
    try {
      writeFileSync(join(dir, "sync.lock"), `${other.pid}\n`);
      const e = await acquireLock(dir).then(
        () => undefined,
        (err: unknown) => err,
      );
      assert.ok(e instanceof SoulsyncError, String(e));
      assert.equal(e.code, "E_SYNC_BUSY");
      assert.equal(e.kind, "transient");
      assert.equal(e.data.pid, other.pid);
    } finally {
      other.kill();
      await new Promise((r) => other.once("exit", r));
    }
    await (await acquireLock(dir))();
  });

  it("takes over a lock whose owner is dead", async () => {
    const dir = tmpDir("soulsync-lock-");
    const dead = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" }).stdout.trim();
    writeFileSync(join(dir, "sync.lock"), `${dead}\n`);
    const release = await acquireLock(dir);
    await release();
  });
});

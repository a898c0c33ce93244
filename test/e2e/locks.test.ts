// One pass per state directory: a second `sync` while one runs refuses (E_SYNC_BUSY, naming the
// pid); a lock left by a dead owner or held by a zombie (exited, never reaped) is taken over.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { pauseAt } from "../helpers/pause-kill.js";
import { zombiePid } from "../helpers/zombie.js";
import { makeWorld, rev } from "./helpers/world.js";

const w = makeWorld({ agents: { atlas: {} } });
const lock = join(w.stateDir, "sync.lock");

describe("two passes on one state directory", () => {
  test("the second refuses while the first runs; the first then completes", async () => {
    const c = w.git("atlas", "rev-parse", "HEAD");
    const first = await pauseAt(["sync", "--config", w.config, "--json"], "render");
    const second = await w.sync();
    assert.equal(second.status, 2, second.stdout + second.stderr);
    assert.match(second.stdout + second.stderr, /E_SYNC_BUSY/);
    assert.match(second.stdout + second.stderr, new RegExp(`pid ${first.pid}`));
    const done = await first.resume();
    assert.equal(done.status, 0, done.stderr);
    assert.equal(w.served("atlas"), rev("main", c));
  });

  test("a lock left by a dead owner is taken over", async () => {
    const dead = spawn("true");
    await new Promise((r) => dead.once("exit", r));
    writeFileSync(lock, `${dead.pid}\n`);
    const c = w.push("atlas", { "USER.md": "# Operator\n\nAfter a crash.\n" });
    const r = await w.sync();
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(w.served("atlas"), rev("main", c));
  });

  test("a lock held by a zombie owner is taken over", async () => {
    const pid = await zombiePid();
    writeFileSync(lock, `${pid}\n`);
    const c = w.push("atlas", { "USER.md": "# Operator\n\nAfter a zombie.\n" });
    const r = await w.sync();
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(w.served("atlas"), rev("main", c));
  });
});

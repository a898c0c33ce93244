// The pid lock against real processes: a live owner keeps it, a dead one or a zombie (exited,
// never reaped by its parent) loses it.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { parseProcStatState, pidAlive, readProcessState, tryTakePidLock } from "../../src/core/pid-lock.js";
import { run } from "../../src/exec/run.js";
import { tmpDir } from "../helpers/tmp.js";
import { zombiePid } from "../helpers/zombie.js";

describe("pid lock owners", () => {
  test("/proc/PID/stat: the state is the field after the last parenthesis", () => {
    assert.equal(parseProcStatState("1234 (node) S 1 1234 1234 0 -1"), "S");
    assert.equal(parseProcStatState("42 (a) b) Z 1 42"), "Z");
    assert.equal(parseProcStatState("garbage"), undefined);
  });

  test("a live owner keeps the lock; a dead owner's lock is taken over", async () => {
    const dir = tmpDir();
    const path = join(dir, "x.lock");
    const live = spawn("sleep", ["60"], { stdio: "ignore" });
    after(() => live.kill("SIGKILL"));
    writeFileSync(path, `${live.pid}\n`);
    assert.equal(await pidAlive(live.pid!), true);
    assert.deepEqual(await tryTakePidLock(path), { taken: false, owner: live.pid });
    const exited = new Promise((r) => live.once("exit", r));
    live.kill("SIGKILL");
    await exited;
    assert.equal(await pidAlive(live.pid!), false);
    assert.deepEqual(await tryTakePidLock(path), { taken: false, owner: undefined });
    assert.deepEqual(await tryTakePidLock(path), { taken: true });
    assert.equal(readFileSync(path, "utf8"), `${process.pid}\n`);
  });

  test("a zombie owner (state Z) is not alive: its lock is taken over", async () => {
    const dir = tmpDir();
    const path = join(dir, "x.lock");
    const pid = await zombiePid();
    assert.equal(await readProcessState(pid), "Z", "the fixture made a zombie");
    // kill(pid, 0) succeeds on a zombie: that alone would call it alive.
    assert.doesNotThrow(() => process.kill(pid, 0));
    assert.equal(await pidAlive(pid), false);
    writeFileSync(path, `${pid}\n`);
    assert.deepEqual(await tryTakePidLock(path), { taken: false, owner: undefined });
    assert.equal(existsSync(path), false);
    assert.deepEqual(await tryTakePidLock(path), { taken: true });
  });

  test("`ps -o state= -p PID` (the FreeBSD path, same syntax in procps) names the zombie Z", async (t) => {
    const pid = await zombiePid();
    const r = await run(["ps", "-o", "state=", "-p", String(pid)], { reject: false });
    if (r.exitCode !== 0 && process.env.CI !== "true") return t.skip(`ps not usable here: ${r.stderr.trim()}`);
    assert.equal(r.stdout.trim().charAt(0), "Z");
  });
});

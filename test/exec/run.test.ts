// The process runner: a program that is not installed is E_CMD_NOT_FOUND (an environment error,
// README: "exit 2 … missing tool"), a failing one E_CMD_FAILED with its stderr.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SoulsyncError } from "../../src/core/errors.js";
import { run } from "../../src/exec/run.js";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("run", () => {
  it("E_CMD_NOT_FOUND: a program not on PATH, as an environment error naming it", async () => {
    const e = await failure(run(["soulsync-no-such-tool-here", "--flag"]));
    assert.ok(e instanceof SoulsyncError, String(e));
    assert.equal(e.code, "E_CMD_NOT_FOUND");
    assert.equal(e.kind, "environment");
    assert.match(e.message, /soulsync-no-such-tool-here/);
  });
  it("E_CMD_FAILED: a program that exits non-zero, with its stderr", async () => {
    const e = await failure(run(["sh", "-c", "echo broken pipe >&2; exit 3"]));
    assert.ok(e instanceof SoulsyncError, String(e));
    assert.equal(e.code, "E_CMD_FAILED");
    assert.match(e.message, /broken pipe/);
  });
});

// detectVersions runs a harness's `--version` once for each state of its binary: the daemon renders
// on every push, and asking again each time cost most of a run when the binary was slow to start.
import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { detectVersions } from "../../src/harness/detect.js";

const dir = mkdtempSync(join(tmpdir(), "soulsync-detect-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A `pi` on PATH that answers `version` and notes each time it is asked. */
function fakePi(version: string): void {
  const bin = join(dir, "pi");
  writeFileSync(bin, `#!/bin/sh\necho asked >> ${JSON.stringify(join(dir, "asked"))}\necho "pi ${version}"\n`);
  chmodSync(bin, 0o755);
}
const asked = () => readFileSync(join(dir, "asked"), "utf8").trim().split("\n").length;

describe("detectVersions", () => {
  it("asks a binary once while it stays the same file, and again once it is replaced", async () => {
    fakePi("0.70.2");
    const env = { PATH: dir };
    assert.deepEqual(await detectVersions(["pi"], {}, env), { pi: { version: "0.70.2", from: "detected" } });
    assert.deepEqual(await detectVersions(["pi"], {}, env), { pi: { version: "0.70.2", from: "detected" } });
    assert.equal(asked(), 1);
    // An upgrade writes a new file: it is asked, and its answer used.
    fakePi("0.71.10");
    assert.deepEqual(await detectVersions(["pi"], {}, env), { pi: { version: "0.71.10", from: "detected" } });
    assert.equal(asked(), 2);
  });

  it("runs nothing for a version given, or a binary not on PATH", async () => {
    const given = { pi: { version: "0.60.0", from: "host.yaml" as const } };
    assert.deepEqual(await detectVersions(["pi"], given, { PATH: dir }), given);
    assert.deepEqual(await detectVersions(["codex"], {}, { PATH: dir }), { codex: { version: undefined, from: "assumed" } });
  });
});

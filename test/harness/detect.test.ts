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
/** Pi's version and source, without the binary's identity (which the first case checks by its effect). */
const pick = (v: Awaited<ReturnType<typeof detectVersions>>) => ({ version: v.pi?.version, from: v.pi?.from });

describe("detectVersions", () => {
  it("asks a binary once while it stays the same file, and again once it is replaced", async () => {
    fakePi("0.70.2");
    const env = { PATH: dir };
    assert.deepEqual(pick(await detectVersions(["pi"], {}, env)), { version: "0.70.2", from: "detected" });
    assert.deepEqual(pick(await detectVersions(["pi"], {}, env)), { version: "0.70.2", from: "detected" });
    assert.equal(asked(), 1);
    // An upgrade writes a new file: it is asked, and its answer used.
    fakePi("0.71.10");
    assert.deepEqual(pick(await detectVersions(["pi"], {}, env)), { version: "0.71.10", from: "detected" });
    assert.equal(asked(), 2);
  });

  it("takes a detected version from what the last render recorded while the binary is the same file", async () => {
    fakePi("0.72.0");
    const env = { PATH: dir };
    const before = asked();
    const now = await detectVersions(["pi"], {}, env);
    assert.equal(asked(), before + 1);
    // A new process (the next render) knows only the manifest: it need not ask.
    const recorded = { pi: { ...now.pi!, version: "0.72.0-as-recorded" } };
    assert.equal((await detectVersions(["pi"], {}, env, recorded)).pi?.version, "0.72.0-as-recorded");
    assert.equal(asked(), before + 1);
    // What was recorded for another file is not taken.
    const other = { pi: { ...now.pi!, binary: { path: now.pi!.binary!.path, id: "1:2:3" } } };
    assert.equal((await detectVersions(["pi"], {}, env, other)).pi?.version, "0.72.0");
  });

  it("runs nothing for a version given, or a binary not on PATH", async () => {
    const given = { pi: { version: "0.60.0", from: "host.yaml" as const } };
    assert.deepEqual(await detectVersions(["pi"], given, { PATH: dir }), given);
    assert.deepEqual(await detectVersions(["codex"], {}, { PATH: dir }), { codex: { version: undefined, from: "assumed" } });
  });
});

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { soulsync } from "../helpers/cli.js";
import { tmpDir } from "../helpers/tmp.js";

describe("soulsync init", () => {
  it("writes a valid soul, git inits it and commits", () => {
    const dir = join(tmpDir(), "hermione");
    const r = soulsync(["init", dir, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { files: string[]; commit: string };
    assert.ok(out.files.includes("manifest.json") && out.files.includes("SOUL.md"));
    const head = execFileSync("git", ["-C", dir, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
    assert.equal(head, out.commit);
    assert.equal(execFileSync("git", ["-C", dir, "status", "--porcelain"], { encoding: "utf8" }), "");
    const v = soulsync(["validate", dir, "--json"]);
    assert.equal(v.status, 0, v.stdout);
    assert.deepEqual(JSON.parse(v.stdout), { ok: true, errors: [], warnings: [] });
    const manifest = JSON.parse(execFileSync("git", ["-C", dir, "show", "HEAD:manifest.json"], { encoding: "utf8" }));
    assert.equal(manifest.agent_id, "hermione");
    const byRev = soulsync(["validate", "--repo", dir, "--rev", "HEAD"]);
    assert.equal(byRev.status, 0, byRev.stdout);
  });

  it("refuses a non-empty directory and leaves it alone", () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "keep.txt"), "mine");
    const r = soulsync(["init", dir, "--agent", "atlas"]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /E_INIT_NOT_EMPTY/);
    assert.deepEqual(readdirSync(dir), ["keep.txt"]);
  });

  it("refuses an agent name that is unsafe as AGENT_NAME", () => {
    const dir = join(tmpDir(), "x");
    const r = soulsync(["init", dir, "--agent", "bad;name"]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /E_AGENT_NAME/);
  });
});

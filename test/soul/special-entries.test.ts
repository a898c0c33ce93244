// README (validate): "no symlink leading outside the repo; no submodules or special files"
// (E_SUBMODULE, E_SPECIAL_FILE): a real gitlink in a commit, read with --repo/--rev, and a real
// FIFO in a working directory; and a skill with nothing after its front matter (W_SKILL_EMPTY,
// a warning: exit 0). All through the built binary.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import { soulsync } from "../helpers/cli.js";
import { git, gitRepo } from "../helpers/git.js";
import { validSoulFiles } from "../helpers/souls.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";

type Problem = { file: string; line: number; column: number; code: string };
const errorsOf = (stdout: string) => (JSON.parse(stdout) as { ok: boolean; errors: Problem[] }).errors;

describe("validate refuses entries that are not files, folders or symlinks", () => {
  it("E_SUBMODULE: a gitlink in the commit's tree", () => {
    const repo = gitRepo(validSoulFiles());
    const other = gitRepo({ "README.md": "another repo\n" });
    // What `git submodule add` records: a 160000 entry naming the other repo's commit.
    git(repo, "update-index", "--add", "--cacheinfo", `160000,${git(other, "rev-parse", "HEAD")},vendor/tools`);
    git(repo, "commit", "--quiet", "-m", "add a submodule");
    const r = soulsync(["validate", "--repo", repo, "--rev", "main", "--json"]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.deepEqual(errorsOf(r.stdout).map((e) => [e.file, e.code]), [["vendor/tools", "E_SUBMODULE"]]);
    assert.match(soulsync(["validate", "--repo", repo, "--rev", "main"]).stdout, /^vendor\/tools:\d+:\d+: E_SUBMODULE /m);
  });

  it("E_SPECIAL_FILE: a named pipe in the soul directory (and validate does not block on it)", () => {
    const dir = writeTree(tmpDir("soulsync-soul-"), validSoulFiles());
    execFileSync("mkfifo", [join(dir, "memories-pipe")]);
    const r = soulsync(["validate", dir, "--json"]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.deepEqual(errorsOf(r.stdout).map((e) => [e.file, e.code]), [["memories-pipe", "E_SPECIAL_FILE"]]);
  });
});

describe("validate warns about a skill with no instructions", () => {
  it("W_SKILL_EMPTY: front matter only; the soul is still valid", () => {
    const dir = writeTree(tmpDir("soulsync-soul-"), { ...validSoulFiles(), "skills/empty-one/SKILL.md": "---\nname: empty-one\ndescription: Does nothing yet.\n---\n\n" });
    const r = soulsync(["validate", dir, "--json"]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const out = JSON.parse(r.stdout) as { ok: boolean; warnings: Problem[] };
    assert.equal(out.ok, true);
    assert.deepEqual(out.warnings.map((w) => [w.file, w.code]), [["skills/empty-one/SKILL.md", "W_SKILL_EMPTY"]]);
  });
});

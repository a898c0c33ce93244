// Reading a soul from a commit in process: branches, tags, short SHAs, bare repos, symlinks.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import { loadSoul } from "../../src/soul/load.js";
import { soulsync } from "../helpers/cli.js";
import { commit, git, gitRepo } from "../helpers/git.js";
import { validSoulFiles } from "../helpers/souls.js";
import { tmpDir } from "../helpers/tmp.js";

describe("validate --repo --rev", () => {
  it("reads the tree at a commit, not the working tree", async () => {
    const repo = gitRepo(validSoulFiles());
    const good = git(repo, "rev-parse", "HEAD");
    git(repo, "tag", "-a", "v1.0.0", "-m", "first release");
    const bad = commit(repo, { "package-lock.json": "{}" }, "oops");

    const atGood = await loadSoul({ repo, rev: good.slice(0, 8) });
    assert.equal(atGood.tree.commit, good);
    assert.deepEqual(atGood.problems.filter((p) => p.severity === "error"), []);
    assert.equal((await loadSoul({ repo, rev: "v1.0.0" })).tree.commit, good, "annotated tag peeled to its commit");

    const atBad = await loadSoul({ repo, rev: "main" });
    assert.equal(atBad.tree.commit, bad);
    assert.ok(atBad.problems.some((p) => p.code === "E_FORBIDDEN_FILE"));

    assert.equal(soulsync(["validate", "--repo", repo, "--rev", "v1.0.0"]).status, 0);
    const r = soulsync(["validate", "--repo", repo, "--rev", "main", "--json"]);
    assert.equal(r.status, 1);
    assert.equal(JSON.parse(r.stdout).errors[0].file, "package-lock.json");
  });

  it("reads a bare repo and sees symlinks stored in git", () => {
    const files = validSoulFiles();
    files["leak.md"] = { symlink: "../../../etc/passwd" };
    files["docs/soul-link.md"] = { symlink: "../SOUL.md" };
    const repo = gitRepo(files);
    const bare = join(tmpDir(), "soul.git");
    execFileSync("git", ["clone", "--quiet", "--bare", repo, bare]);
    const r = soulsync(["validate", "--repo", bare, "--rev", "main", "--json"]);
    assert.equal(r.status, 1);
    const errors = JSON.parse(r.stdout).errors as Array<{ file: string; code: string }>;
    assert.deepEqual(errors.map((e) => [e.file, e.code]), [["leak.md", "E_SYMLINK_ESCAPE"]]);
  });

  it("reports an unknown revision as bad input (exit 1) and a non-repo as an environment error (exit 2)", () => {
    const repo = gitRepo(validSoulFiles());
    const missing = soulsync(["validate", "--repo", repo, "--rev", "no-such-branch"]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /E_GIT_REV/);
    const notRepo = soulsync(["validate", "--repo", tmpDir(), "--rev", "main"]);
    assert.equal(notRepo.status, 2);
    assert.match(notRepo.stderr, /E_GIT_REPO/);
  });
});

// promote: validates and scans HEAD, refuses a version not newer under its prefix, tags (signed), pushes.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { soulsync } from "../helpers/cli.js";
import { tmpDir } from "../helpers/tmp.js";
import { g, soulRepo } from "./helpers/repo.js";

const ENV = { GIT_CONFIG_GLOBAL: "/dev/null", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.com" };

describe("soulsync promote", () => {
  test("tags HEAD, refuses versions not newer under the prefix, pushes", () => {
    const root = tmpDir();
    const repo = soulRepo(root, "atlas");
    let r = soulsync(["promote", "1.0.0", "--repo", repo.work, "--prefix", "host-a/", "--json"], { env: ENV });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.tag, "host-a/v1.0.0", "1.0.0 and v1.0.0 both make v1.0.0");
    assert.equal(out.commit, repo.head());
    assert.equal(g(repo.work, "cat-file", "-t", "host-a/v1.0.0"), "tag", "annotated");

    r = soulsync(["promote", "0.9.0", "--repo", repo.work, "--prefix", "host-a/"], { env: ENV });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /E_PROMOTE_NOT_NEWER/);
    r = soulsync(["promote", "v1.0.0", "--repo", repo.work, "--prefix", "host-a/"], { env: ENV });
    assert.equal(r.status, 1, "v1.0.0 is the tag 1.0.0 made");

    r = soulsync(["promote", "0.1.0", "--repo", repo.work, "--prefix", "host-b/", "--push"], { env: ENV });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /tagged .* as host-b\/v0\.1\.0, pushed to origin/);
    assert.equal(g(repo.origin, "rev-parse", "host-b/v0.1.0^{commit}"), repo.head());

    r = soulsync(["promote", "banana", "--repo", repo.work], { env: ENV });
    assert.equal(r.status, 2);
  });

  test("refuses a HEAD that does not validate, naming file and line", () => {
    const root = tmpDir();
    const repo = soulRepo(root, "atlas");
    repo.commit({ "manifest.json": "{\n  \"schema\": 1,\n" });
    const r = soulsync(["promote", "1.0.0", "--repo", repo.work], { env: ENV });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^manifest\.json:\d+:\d+: E_/m);
    assert.match(r.stderr, /E_PROMOTE_INVALID/);
    assert.throws(() => g(repo.work, "rev-parse", "v1.0.0"));
  });

  test("--sign creates a tag git can verify", () => {
    const root = tmpDir();
    const repo = soulRepo(root, "atlas");
    const key = join(root, "key");
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "rel", "-f", key]);
    g(repo.work, "config", "gpg.format", "ssh");
    g(repo.work, "config", "user.signingKey", key);
    const signers = join(root, "allowed");
    writeFileSync(signers, `t@example.com ${execFileSync("cat", [`${key}.pub`], { encoding: "utf8" }).trim()}\n`);
    g(repo.work, "config", "gpg.ssh.allowedSignersFile", signers);
    const r = soulsync(["promote", "v2.0.0", "--repo", repo.work, "--sign", "--json"], { env: ENV });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).signed, true);
    g(repo.work, "verify-tag", "v2.0.0");
  });
});

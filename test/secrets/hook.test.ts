// The pre-receive hook, installed with `soulsync hook install` into a real bare repo and
// exercised with real `git push`: clean pushes land, pushes that add a secret are refused.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { spawn } from "node:child_process";
import { BIN, soulsync } from "../helpers/cli.js";
import { tmpDir } from "../helpers/tmp.js";
import { checksummedToken, seeded } from "./corpus/random.js";
import { commit, gitIn, tryGit } from "./git.js";

const token = checksummedToken(seeded(23), "npm_");

function setup(extra: string[] = []): { origin: string; work: string } {
  const root = tmpDir();
  const origin = join(root, "origin.git");
  gitIn(root, "init", "-q", "--bare", origin);
  const r = soulsync(["hook", "install", origin, ...extra]);
  assert.equal(r.status, 0, r.stderr);
  const work = join(root, "work");
  gitIn(root, "init", "-q", "-b", "main", work);
  gitIn(work, "remote", "add", "origin", origin);
  commit(work, { "SOUL.md": "# Atlas\n" }, "init");
  assert.equal(tryGit(work, "push", "-q", "origin", "main").status, 0);
  return { origin, work };
}

describe("hook install", () => {
  it("writes executable pre-receive and post-receive hooks", () => {
    const { origin } = setup();
    for (const h of ["pre-receive", "post-receive"]) assert.match(readFileSync(join(origin, "hooks", h), "utf8"), /installed by soulsync/);
  });
  it("refuses to replace a hook it did not write", () => {
    const root = tmpDir();
    gitIn(root, "init", "-q", "--bare", "o.git");
    writeFileSync(join(root, "o.git", "hooks", "pre-receive"), "#!/bin/sh\nexit 0\n");
    assert.equal(soulsync(["hook", "install", join(root, "o.git")]).status, 1);
    assert.equal(soulsync(["hook", "install", join(root, "o.git"), "--force"]).status, 0);
  });
  it("refuses a path that is not a repository", () => assert.equal(soulsync(["hook", "install", tmpDir()]).status, 1));
});

describe("pre-receive refuses pushes that add a secret", () => {
  const { origin, work } = setup();

  it("accepts a clean push", () => {
    commit(work, { "IDENTITY.md": "Atlas, the operator's assistant.\n" });
    assert.equal(tryGit(work, "push", "-q", "origin", "main").status, 0);
  });

  it("refuses a secret, naming file, line and rule, and does not move the ref", () => {
    const before = gitIn(origin, "rev-parse", "main");
    commit(work, { "skills/publish/SKILL.md": `---\nname: publish\ndescription: x\n---\n\nnpm config set //registry.npmjs.org/:_authToken ${token}\n` });
    commit(work, { "skills/publish/SKILL.md": "---\nname: publish\ndescription: x\n---\n\nUse NPM_TOKEN from the secrets directory.\n" }, "remove it again");
    const r = tryGit(work, "push", "origin", "main");
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /push refused/);
    assert.match(r.stderr, /skills\/publish\/SKILL\.md:6:\d+: E_SECRET npm-token/);
    assert.ok(!r.stderr.includes(token));
    assert.equal(gitIn(origin, "rev-parse", "main"), before);
    gitIn(work, "reset", "-q", "--hard", "HEAD~2");
  });

  it("refuses a secret in a commit message", () => {
    commit(work, {}, `fix login\n\nold token was ${token}`);
    const r = tryGit(work, "push", "origin", "main");
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /commit:[0-9a-f]{40}:3:\d+: E_SECRET npm-token/);
    gitIn(work, "reset", "-q", "--hard", "HEAD~1");
  });

  it("refuses a new branch and a tag that carry a secret; deletions pass", () => {
    gitIn(work, "checkout", "-q", "-b", "feature");
    commit(work, { "agents/atlas.env": `NPM_TOKEN=${token}\n` });
    assert.notEqual(tryGit(work, "push", "origin", "feature").status, 0);
    gitIn(work, "tag", "v9", "HEAD");
    assert.notEqual(tryGit(work, "push", "origin", "v9").status, 0);
    gitIn(work, "checkout", "-q", "main");
    gitIn(work, "tag", "-d", "v9");
    gitIn(work, "branch", "-q", "-D", "feature");
    gitIn(work, "tag", "-a", "v1", "-m", "release");
    assert.equal(tryGit(work, "push", "origin", "v1").status, 0);
    assert.equal(tryGit(work, "push", "origin", ":refs/tags/v1").status, 0);
  });

  it("refuses a force push that rewrites history with a secret", () => {
    commit(work, { "USER.md": `token ${token}\n` }, "oops");
    gitIn(work, "commit", "-q", "--amend", "-m", "rewritten");
    const r = tryGit(work, "push", "--force", "origin", "main");
    assert.notEqual(r.status, 0);
    gitIn(work, "reset", "-q", "--hard", "HEAD~1");
  });
});

describe("pre-receive honours the host allowlist", () => {
  it("accepts a push whose only finding is allowlisted", () => {
    const etc = tmpDir();
    writeFileSync(join(etc, "allow"), "# accepted fingerprints\n");
    const { work } = setup(["--allowlist", join(etc, "allow")]);
    writeFileSync(join(work, "a.env"), `NPM_TOKEN=${token}\n`);
    const fp = JSON.parse(soulsync(["scan", join(work, "a.env"), "--json"]).stdout).findings[0].fingerprint;
    writeFileSync(join(etc, "allow"), `${fp}\n`);
    commit(work, {});
    const r = tryGit(work, "push", "-q", "origin", "main");
    assert.equal(r.status, 0, r.stderr);
  });
});

/** Runs the CLI without blocking the event loop, so an in-process server can answer it. */
function soulsyncAsync(args: string[], input: string, env: NodeJS.ProcessEnv): Promise<{ status: number; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += String(d);
    });
    child.on("close", (status) => resolveRun({ status: status ?? -1, stderr }));
    child.stdin.end(input);
  });
}

// Signed notification of the daemon, over HTTP and its socket: test/daemon/hook-notify.test.ts.
describe("post-receive", () => {
  it("never fails the push when soulsync is unreachable", async () => {
    const r = await soulsyncAsync(["hook", "post-receive", "--notify", "http://127.0.0.1:9/hook"], `${"a".repeat(40)} ${"b".repeat(40)} refs/heads/main\n`, {});
    assert.equal(r.status, 0);
    assert.match(r.stderr, /notify .* failed/);
  });

  it("prints the updates when no webhook is configured", () => {
    const z = "0".repeat(40);
    const r = soulsync(["hook", "post-receive"], { input: `${z} ${"b".repeat(40)} refs/heads/main\n` });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /refs\/heads\/main 000000000000\.\.bbbbbbbbbbbb/);
  });
});

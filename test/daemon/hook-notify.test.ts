// `hook post-receive` end to end: a real `git push` into a bare repo whose installed hook signs
// and sends {repo, refs} to the webhook receiver (or asks over a Unix socket), and a push that
// never fails when the daemon is down or refuses.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { TriggerEvent } from "../../src/daemon/triggers/types.js";
import { startWebhook } from "../../src/daemon/triggers/webhook.js";
import { soulsync } from "../helpers/cli.js";
import { commit, git, gitRepo } from "../helpers/git.js";
import { tmpDir } from "../helpers/tmp.js";
import { capturedLogger } from "./helpers/http.js";

/** `git push` as a child process, so the receiver in this process can answer its hook. */
function push(work: string, ...args: string[]): Promise<{ status: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("git", ["-C", work, "push", ...args], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1" } });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += String(d);
    });
    child.on("close", (status) => resolve({ status: status ?? -1, stderr }));
  });
}

/** A key made the way docs/triggers.md says. */
function makeKey(path: string): string {
  execFileSync("sh", ["-c", `umask 077; openssl rand -hex 32 > '${path}'`]);
  return readFileSync(path, "utf8").trim();
}

function bareOrigin(root: string, name: string): string {
  const origin = join(root, name);
  git(root, "init", "-q", "--bare", origin);
  return realpathSync(origin);
}

describe("hook post-receive --notify", () => {
  const root = tmpDir();
  const secrets = join(root, "secrets");
  execFileSync("mkdir", ["-m", "700", secrets]);
  const keyPath = join(secrets, "webhook.key");
  const key = makeKey(keyPath);
  const work = gitRepo({ "SOUL.md": "# Atlas\n" });
  const calls: TriggerEvent[] = [];
  const logs = capturedLogger();
  let w: Awaited<ReturnType<typeof startWebhook>>;

  before(async () => {
    w = await startWebhook({
      listen: "127.0.0.1:0",
      key: Buffer.from(key),
      log: logs.log,
      onTrigger: async (e) => {
        calls.push(e);
        return ["atlas"];
      },
    });
  });
  after(() => w.close());

  it("signs and sends the repo and its refs when a push lands; the push shows the agents queued", async () => {
    const origin = bareOrigin(root, "atlas-soul.git");
    const r = soulsync(["hook", "install", origin, "--notify", `http://${w.address}/hook`, "--key-file", keyPath]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!readFileSync(join(origin, "hooks", "post-receive"), "utf8").includes(key), "the hook script holds the key itself");
    git(work, "remote", "add", "atlas", origin);
    const pushed = await push(work, "atlas", "main");
    assert.equal(pushed.status, 0, pushed.stderr);
    assert.match(pushed.stderr, /remote: soulsync: queued atlas/);
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.kind, "webhook");
    assert.deepEqual(calls[0]?.repos, [origin]);
    assert.ok(!pushed.stderr.includes(key) && !logs.text().includes(key));
  });

  it("finds the key from the bootstrap's secrets_dir when no --key-file is given", async () => {
    const origin = bareOrigin(root, "mevy-soul.git");
    writeFileSync(join(secrets, "hook.key"), `${key}\n`);
    const config = join(root, "soulsync.yaml");
    writeFileSync(config, `host_repo: { path: ${root} }\nsecrets_dir: ${secrets}\ntriggers:\n  webhook:\n    listen: ${w.address}\n    key_secret: hook.key\n`);
    assert.equal(soulsync(["hook", "install", origin, "--notify", `http://${w.address}/webhook`, "--config", config]).status, 0);
    git(work, "remote", "add", "mevy", origin);
    const before = calls.length;
    const pushed = await push(work, "mevy", "main");
    assert.equal(pushed.status, 0, pushed.stderr);
    assert.match(pushed.stderr, /remote: soulsync: queued atlas/);
    assert.deepEqual(calls[before]?.repos, [origin]);
  });

  it("warns and lets the push through when the key is wrong", async () => {
    const origin = bareOrigin(root, "wrong.git");
    const wrong = join(root, "other.key");
    makeKey(wrong);
    assert.equal(soulsync(["hook", "install", origin, "--notify", `http://${w.address}/hook`, "--key-file", wrong]).status, 0);
    git(work, "remote", "add", "wrong", origin);
    const before = calls.length;
    const pushed = await push(work, "wrong", "main");
    assert.equal(pushed.status, 0, pushed.stderr);
    assert.match(pushed.stderr, /remote: soulsync: warning: notify http:\/\/127\.0\.0\.1:\d+\/hook answered 401: bad signature/);
    assert.equal(calls.length, before);
    assert.equal(git(origin, "rev-parse", "main"), git(work, "rev-parse", "main"));
  });

  it("warns and lets the push through when the daemon is down or the key file is missing", async () => {
    const down = bareOrigin(root, "down.git");
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    assert.equal(soulsync(["hook", "install", down, "--notify", `http://127.0.0.1:${port}/hook`, "--key-file", keyPath]).status, 0);
    git(work, "remote", "add", "down", down);
    const r1 = await push(work, "down", "main");
    assert.equal(r1.status, 0, r1.stderr);
    assert.match(r1.stderr, /remote: soulsync: warning: notify http:\/\/127\.0\.0\.1:\d+\/hook failed: ECONNREFUSED/);

    const nokey = bareOrigin(root, "nokey.git");
    assert.equal(soulsync(["hook", "install", nokey, "--notify", `http://${w.address}/hook`, "--key-file", join(root, "absent.key")]).status, 0);
    git(work, "remote", "add", "nokey", nokey);
    commit(work, { "IDENTITY.md": "Atlas\n" });
    const r2 = await push(work, "nokey", "main");
    assert.equal(r2.status, 0, r2.stderr);
    assert.match(r2.stderr, /warning: notify .* failed: cannot read the webhook key .*absent\.key: ENOENT/);
  });
});

describe("hook post-receive --socket", () => {
  const root = tmpDir();
  const work = gitRepo({ "SOUL.md": "# Atlas\n" });
  const sock = join(root, "daemon.sock");
  const requests: unknown[] = [];
  // Stands in for the daemon's socket server as the brief gives its contract: one JSON request
  // line, one JSON answer line {"ok":true,"agents":[…]}.
  const server = createServer((c) => {
    let text = "";
    c.setEncoding("utf8");
    c.on("data", (d: string) => {
      text += d;
      if (!text.includes("\n")) return;
      requests.push(JSON.parse(text.slice(0, text.indexOf("\n"))));
      c.end(`${JSON.stringify({ ok: true, agents: ["atlas", "mevy"] })}\n`);
    });
  });
  before(() => new Promise<void>((r) => server.listen(sock, r)));
  after(() => new Promise<void>((r) => server.close(() => r())));

  it("asks the daemon over its socket and shows the agents queued", async () => {
    const origin = bareOrigin(root, "atlas-soul.git");
    assert.equal(soulsync(["hook", "install", origin, "--socket", sock]).status, 0);
    git(work, "remote", "add", "atlas", origin);
    const pushed = await push(work, "atlas", "main");
    assert.equal(pushed.status, 0, pushed.stderr);
    assert.match(pushed.stderr, /remote: soulsync: queued atlas, mevy/);
    assert.deepEqual(requests, [{ op: "notify", repo: origin }]);
  });

  it("warns and lets the push through when no daemon listens on the socket", async () => {
    const origin = bareOrigin(root, "lonely.git");
    assert.equal(soulsync(["hook", "install", origin, "--socket", join(root, "none.sock")]).status, 0);
    git(work, "remote", "add", "lonely", origin);
    const pushed = await push(work, "lonely", "main");
    assert.equal(pushed.status, 0, pushed.stderr);
    assert.match(pushed.stderr, /remote: soulsync: warning: notify .*none\.sock failed: ENOENT/);
  });
});

// The source side end to end over real transports: atlas from a bare repo by path, mevy through
// `git daemon`. First sync of two agents, a new commit, a force-push, a tag promotion under a
// semver range with a prefix, a moved tag, and a branch deleted and restored.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { gitDaemon } from "../git/helpers/servers.js";
import { makeWorld, rev } from "./helpers/world.js";

const daemon = await (async () => {
  const w = makeWorld({ agents: { atlas: {}, mevy: {} } });
  const server = await gitDaemon(join(w.root, "origins"));
  after(() => server.stop());
  w.setAgent("mevy", { url: () => `${server.url}/mevy-soul.git` });
  return w;
})();
const w = daemon;
const codex = () => readFileSync(join(w.home("atlas"), ".codex/AGENTS.md"), "utf8");

describe("sources end to end", () => {
  test("first sync of two agents: both published, rendered, served", async () => {
    const r = await w.sync();
    assert.equal(r.status, 0, r.stderr);
    const head = { atlas: w.git("atlas", "rev-parse", "HEAD"), mevy: w.git("mevy", "rev-parse", "HEAD") };
    for (const a of ["atlas", "mevy"] as const) {
      const s = w.source(a);
      assert.equal(s.condition, "Ready", `${a}: ${s.message}`);
      assert.equal(s.lastApplied, rev("main", head[a]));
      assert.equal(w.published(a), head[a]);
      assert.equal(w.served(a), rev("main", head[a]), `${a}'s service runs the published soul`);
    }
    assert.match(codex(), /^Provenance: rendered by soulsync/);
    assert.equal(w.sim().services.atlas?.starts, 1);
  });

  test("a new commit: applied, rendered, the service restarted once", async () => {
    const c = w.push("atlas", { "SOUL.md": `${readFileSync(join(w.work.atlas, "SOUL.md"), "utf8")}\nA new habit: logs every change.\n` });
    const r = await w.sync();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(w.published("atlas"), c);
    assert.equal(w.served("atlas"), rev("main", c));
    assert.match(codex(), /A new habit/);
    assert.equal(w.sim().services.atlas?.starts, 2);
    assert.equal(w.published("mevy"), w.git("mevy", "rev-parse", "HEAD"), "mevy untouched");
  });

  test("a force-push rewriting history is an ordinary update (over git daemon)", async () => {
    w.git("mevy", "reset", "--quiet", "--hard", "HEAD");
    w.git("mevy", "commit", "--quiet", "--amend", "-m", "rewritten");
    w.git("mevy", "push", "--quiet", "--force", "origin", "HEAD:refs/heads/main");
    const c = w.git("mevy", "rev-parse", "HEAD");
    const r = await w.sync();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(w.source("mevy").condition, "Ready");
    assert.equal(w.published("mevy"), c);
    assert.equal(w.served("mevy"), rev("main", c));
  });

  test("a tag promotion under a semver range and prefix; then a moved tag", async () => {
    const c1 = w.git("atlas", "rev-parse", "HEAD");
    w.git("atlas", "tag", "atlas-v1.2.0");
    w.git("atlas", "tag", "other-v9.0.0");
    w.git("atlas", "push", "--quiet", "origin", "--tags");
    w.setAgent("atlas", { ref: { semver: "^1.0.0", prefix: "atlas-v" } });
    let r = await w.sync();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(w.source("atlas").lastApplied, rev("atlas-v1.2.0", c1), "the highest tag in range with the prefix, not other-v9");

    const c2 = w.push("atlas", { "USER.md": "# Operator\n\nPrefers short answers, in English.\n" });
    w.git("atlas", "tag", "atlas-v1.3.0");
    w.git("atlas", "tag", "atlas-v2.0.0");
    w.git("atlas", "push", "--quiet", "origin", "--tags");
    r = await w.sync();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(w.source("atlas").lastApplied, rev("atlas-v1.3.0", c2), "promoted to 1.3.0; 2.0.0 is out of range");
    assert.equal(w.served("atlas"), rev("atlas-v1.3.0", c2));

    const c3 = w.push("atlas", { "USER.md": "# Operator\n\nPrefers short answers.\n" });
    w.git("atlas", "tag", "--force", "atlas-v1.3.0");
    w.git("atlas", "push", "--quiet", "--force", "origin", "refs/tags/atlas-v1.3.0");
    r = await w.sync();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(w.published("atlas"), c3, "the moved tag is followed");
    assert.equal(w.served("atlas"), rev("atlas-v1.3.0", c3));
  });

  test("a branch deleted: last good kept and named; restored: applied again", async () => {
    const good = w.push("atlas", { "SOUL.md": `${readFileSync(join(w.work.atlas, "SOUL.md"), "utf8")}\nOn the release branch.\n` }, { branch: "release" });
    w.setAgent("atlas", { ref: { branch: "release" } });
    assert.equal((await w.sync()).status, 0);
    assert.equal(w.published("atlas"), good);
    const starts = w.sim().services.atlas?.starts;

    w.git("atlas", "push", "--quiet", "origin", ":refs/heads/release");
    const gone = await w.sync();
    assert.notEqual(gone.status, 0);
    const s = w.source("atlas");
    assert.equal(s.condition, "Stalled");
    assert.equal(s.reason, "E_REF_NOT_FOUND", s.message);
    assert.match(s.message, /release/);
    assert.equal(w.published("atlas"), good, "last good kept");
    assert.equal(w.served("atlas"), rev("release", good));

    w.git("atlas", "push", "--quiet", "origin", "HEAD:refs/heads/release");
    const back = await w.sync();
    assert.equal(back.status, 0, back.stderr);
    assert.equal(w.source("atlas").condition, "Ready");
    assert.equal(w.published("atlas"), good);
    assert.equal(w.sim().services.atlas?.starts, starts, "the same revision is not applied twice");
  });
});

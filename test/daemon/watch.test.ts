// The watcher over real bare repos and real `git push`: one debounced event per push burst, naming
// the right origin; loose refs, packed refs, tags and new ref folders; nothing for other repos.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { isRefPath, startWatch, type Watch } from "../../src/daemon/triggers/watch.js";
import type { TriggerEvent } from "../../src/daemon/triggers/types.js";
import { commit, git, gitRepo } from "../helpers/git.js";
import { tmpDir } from "../helpers/tmp.js";
import { capturedLogger } from "./helpers/http.js";

/** Long enough for any late event of a burst to show up (debounce is 30 ms). */
const QUIET_MS = 400;

describe("the ref watcher", () => {
  const root = tmpDir();
  const atlas = join(root, "atlas-soul.git");
  const mevy = join(root, "mevy-soul.git");
  const events: TriggerEvent[] = [];
  // Built here, not in before(): tmpDir's cleanup hook belongs to the suite.
  const work = gitRepo({ "SOUL.md": "# Atlas\n" });
  let w: Watch;

  /** Waits (bounded) until `n` events arrived, then for a quiet spell, and returns the new ones. */
  async function eventsAfter(action: () => void, n = 1): Promise<TriggerEvent[]> {
    const from = events.length;
    action();
    for (let i = 0; i < 100 && events.length < from + n; i++) await sleep(50);
    await sleep(QUIET_MS);
    return events.slice(from);
  }

  before(async () => {
    git(root, "init", "-q", "--bare", atlas);
    git(root, "init", "-q", "--bare", mevy);
    git(work, "remote", "add", "atlas", atlas);
    git(work, "remote", "add", "mevy", mevy);
    git(work, "push", "-q", "atlas", "main");
    git(work, "push", "-q", "mevy", "main");
    w = await startWatch({
      repos: [atlas],
      log: capturedLogger().log,
      onTrigger: async (e) => {
        events.push(e);
        return ["atlas"];
      },
    });
  });
  after(() => w.close());

  it("fires once for a push that updates a loose ref, naming the origin", async () => {
    commit(work, { "memories/curated/a.md": "one\n" });
    const t0 = Date.now();
    const got = await eventsAfter(() => git(work, "push", "-q", "atlas", "main"));
    assert.equal(got.length, 1);
    assert.equal(got[0]?.kind, "watch");
    assert.deepEqual(got[0]?.repos, [atlas]);
    assert.ok((got[0]?.at ?? 0) >= t0);
  });

  it("fires once for a push of several refs at once", async () => {
    git(work, "branch", "-f", "b1");
    git(work, "branch", "-f", "b2");
    git(work, "tag", "-f", "v0.1.0");
    const got = await eventsAfter(() => git(work, "push", "-q", "atlas", "b1", "b2", "v0.1.0"));
    assert.equal(got.length, 1);
  });

  it("fires for a push after `git pack-refs --all`, and for deleting a packed ref", async () => {
    await eventsAfter(() => git(atlas, "pack-refs", "--all")); // rewrites packed-refs itself
    commit(work, { "memories/curated/b.md": "two\n" });
    const pushed = await eventsAfter(() => git(work, "push", "-q", "atlas", "main"));
    assert.equal(pushed.length, 1);
    // b1 now lives only in packed-refs: deleting it rewrites that file.
    assert.match(git(atlas, "show-ref"), /refs\/heads\/b1/);
    const deleted = await eventsAfter(() => git(work, "push", "-q", "atlas", ":refs/heads/b1"));
    assert.equal(deleted.length, 1);
    assert.deepEqual(deleted[0]?.repos, [atlas]);
  });

  it("fires for an annotated tag push and a branch in a new ref folder", async () => {
    git(work, "tag", "-a", "-m", "release", "v1.0.0");
    assert.equal((await eventsAfter(() => git(work, "push", "-q", "atlas", "v1.0.0"))).length, 1);
    git(work, "branch", "-f", "feature/deep/x");
    assert.equal((await eventsAfter(() => git(work, "push", "-q", "atlas", "feature/deep/x"))).length, 1);
  });

  it("does not fire for a fetch from the origin, or a push to an unwatched repo", async () => {
    const mirror = join(root, "mirror.git");
    git(root, "clone", "-q", "--mirror", atlas, mirror);
    commit(work, { "memories/curated/c.md": "three\n" });
    const got = await eventsAfter(() => {
      git(mirror, "fetch", "-q", "--prune", "origin");
      git(work, "push", "-q", "mevy", "main");
    }, 0);
    assert.equal(got.length, 0);
  });

  it("watches the new set after update()", async () => {
    await w.update([mevy]);
    commit(work, { "memories/curated/d.md": "four\n" });
    assert.equal((await eventsAfter(() => git(work, "push", "-q", "atlas", "main"), 0)).length, 0);
    const got = await eventsAfter(() => git(work, "push", "-q", "mevy", "main"));
    assert.equal(got.length, 1);
    assert.deepEqual(got[0]?.repos, [mevy]);
  });
});

describe("the ref watcher and an origin made later", () => {
  const root = tmpDir();
  const later = join(root, "later.git");
  const work = gitRepo({ "SOUL.md": "# Atlas\n" });

  it("watches an origin that did not exist at start once it appears, and announces it", async (t) => {
    const events: TriggerEvent[] = [];
    const logs = capturedLogger();
    const w = await startWatch({
      repos: [later],
      recheckMs: 50,
      log: logs.log,
      onTrigger: async (e) => {
        events.push(e);
        return [];
      },
    });
    t.after(() => w.close());
    assert.ok(logs.lines().some((l) => l.event === "watch" && Array.isArray(l.missing)));
    git(root, "init", "-q", "--bare", later);
    for (let i = 0; i < 100 && events.length < 1; i++) await sleep(50);
    assert.equal(events.length, 1, "the new origin was not announced");
    git(work, "push", "-q", later, "main");
    for (let i = 0; i < 100 && events.length < 2; i++) await sleep(50);
    await sleep(QUIET_MS);
    assert.equal(events.length, 2);
    assert.deepEqual(events[1]?.repos, [later]);
  });
});

describe("isRefPath", () => {
  it("keeps refs, packed-refs, HEAD and reftable, drops lock files and everything else", () => {
    const yes = ["", "HEAD", "packed-refs", "refs", join("refs", "heads", "main"), join("refs", "tags", "v1"), join("reftable", "tables.list")];
    const no = [join("refs", "heads", "main.lock"), "packed-refs.lock", "objects", join("objects", "ab", "cdef"), "config", "hooks", "FETCH_HEAD", "logs"];
    for (const p of yes) assert.equal(isRefPath(p), true, p);
    for (const p of no) assert.equal(isRefPath(p), false, p);
  });
});

describe("the watcher with nothing to watch yet", () => {
  it("starts at once on an empty list (a host repo by path, before its agents are read), then watches what update() names", async () => {
    const events: TriggerEvent[] = [];
    const w = await startWatch({ repos: [], debounceMs: 20, onTrigger: async (e) => (events.push(e), []), log: capturedLogger().log });
    after(() => w.close());
    const work = gitRepo({ "a.txt": "a" });
    const bare = join(tmpDir("soulsync-watch-empty-"), "o.git");
    git(work, "clone", "--quiet", "--bare", ".", bare);
    await w.update([bare]);
    git(work, "push", "--quiet", bare, "HEAD:refs/heads/next");
    for (let i = 0; i < 100 && events.length === 0; i++) await sleep(50);
    assert.deepEqual(events.map((e) => e.repos), [[bare]]);
  });
});

// The scenarios over every transport, against real servers on loopback: a bare path, file://,
// git daemon and git http-backend behind an HTTP server.
import assert from "node:assert/strict";
import { lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { tmpDir } from "../helpers/tmp.js";
import { makeHost } from "./helpers/harness.js";
import { g, soulRepo } from "./helpers/repo.js";
import { type GitServer, gitDaemon, httpBackend } from "./helpers/servers.js";

type Transport = "path" | "file" | "git" | "http";
const TRANSPORTS: Transport[] = ["path", "file", "git", "http"];

for (const transport of TRANSPORTS) {
  describe(`sources over ${transport}`, () => {
    const root = tmpDir();
    let server: GitServer | undefined;
    const url = (name: string) =>
      transport === "path" ? `${root}/${name}.git` : transport === "file" ? `file://${root}/${name}.git` : `${server!.url}/${name}.git`;

    before(async () => {
      if (transport === "git") server = await gitDaemon(root);
      if (transport === "http") server = await httpBackend(root);
    });
    after(async () => {
      await server?.stop();
    });

    test("first sync, a new commit, a force-push, a deleted branch", async () => {
      const repo = soulRepo(root, "atlas");
      const host = makeHost(root + "/h1", { atlas: { url: url("atlas") } });
      const c1 = repo.head();

      let r = await host.sync();
      assert.equal(r.outcomes[0]?.condition, "Ready", r.outcomes[0]?.message);
      assert.equal(r.outcomes[0]?.changed, true);
      assert.equal(host.published(), c1);
      assert.equal((await host.status()).lastApplied, `main@sha1:${c1}`);

      // Measured on disk, not only by the outcome's flag: publishing renames a new link over
      // `current` (a new inode) and exports a snapshot; neither may happen.
      const link = join(host.stateDir, "atlas", "soul", "current");
      const snapshots = () => readdirSync(join(host.stateDir, "snapshots")).sort();
      const was = { ino: lstatSync(link).ino, snapshots: snapshots() };
      r = await host.sync();
      assert.equal(r.outcomes[0]?.changed, false, "an unchanged origin publishes nothing");
      assert.equal(lstatSync(link).ino, was.ino, "current was not re-linked");
      assert.deepEqual(snapshots(), was.snapshots, "no snapshot was made");

      const c2 = repo.commit({ "SOUL.md": "# Soul\n\nA second revision.\n" });
      r = await host.sync();
      assert.equal(host.published(), c2);

      g(repo.work, "reset", "-q", "--hard", c1);
      const c3 = repo.commit({ "SOUL.md": "# Soul\n\nRewritten history.\n" }, "rewrite", { force: true });
      assert.notEqual(c3, c2);
      r = await host.sync();
      assert.equal(r.outcomes[0]?.condition, "Ready", r.outcomes[0]?.message);
      assert.equal(host.published(), c3, "a force-push is an ordinary update");

      g(repo.origin, "update-ref", "-d", "refs/heads/main");
      r = await host.sync();
      const o = r.outcomes[0]!;
      assert.equal(o.condition, "Stalled");
      assert.equal(o.reason, "E_REF_NOT_FOUND");
      assert.match(o.message, /branch main not found/);
      assert.match(o.message, /stays published/);
      assert.equal(host.published(), c3, "the last good revision stays published");
      assert.equal((await host.status()).condition, "Stalled");
    });

    test("a moved tag, and a semver range picking the highest match under its prefix", async () => {
      const repo = soulRepo(root, "nova");
      const c1 = repo.tag("release", { annotate: true });
      const host = makeHost(root + "/h2", { nova: { url: url("nova"), ref: { tag: "release" } } });
      await host.sync();
      assert.equal(host.published("nova"), c1);
      assert.equal((await host.status("nova")).lastApplied, `release@sha1:${c1}`);

      const c2 = repo.commit({ "USER.md": "# User\n\nMoved.\n" });
      repo.tag("release", { annotate: true, force: true });
      await host.sync();
      assert.equal(host.published("nova"), c2, "a moved tag is followed");

      repo.tag("host-a/v1.2.0");
      const c3 = repo.commit({ "USER.md": "# User\n\nThree.\n" });
      repo.tag("host-a/v1.10.0", { annotate: true });
      const c4 = repo.commit({ "USER.md": "# User\n\nFour.\n" });
      repo.tag("host-a/v2.0.0");
      repo.tag("host-b/v1.99.0");
      repo.tag("v1.50.0");
      host.setSouls({ nova: { url: url("nova"), ref: { semver: "^1", prefix: "host-a/" } } });
      const r = await host.sync();
      assert.equal(r.outcomes[0]?.condition, "Ready", r.outcomes[0]?.message);
      assert.equal(host.published("nova"), c3);
      assert.equal((await host.status("nova")).lastApplied, `host-a/v1.10.0@sha1:${c3}`);
      assert.notEqual(c3, c4);
    });
  });
}

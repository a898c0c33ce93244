// What goes wrong: an unreachable origin (backoff, last good kept, recovery), a corrupt mirror
// (detected and re-cloned), a refused revision (not retried until new or --force), interrupted
// runs, snapshot collection, post-publish steps, and credentials that never leak.
import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { PublishedRevision } from "../../src/daemon/pipeline/types.js";
import { tmpDir } from "../helpers/tmp.js";
import { makeHost } from "./helpers/harness.js";
import { g, soulRepo } from "./helpers/repo.js";
import { httpBackend } from "./helpers/servers.js";

const mirrorOf = (stateDir: string) => {
  const names = readdirSync(join(stateDir, "mirrors")).filter((n) => n.endsWith(".git"));
  assert.equal(names.length, 1);
  return join(stateDir, "mirrors", names[0]!);
};

describe("an unreachable origin", () => {
  test("over HTTP: backs off (1 s doubling), keeps the last good, recovers", async () => {
    const root = tmpDir();
    const server = await httpBackend(root);
    try {
      const repo = soulRepo(root, "atlas");
      const host = makeHost(join(root, "h"), { atlas: { url: `${server.url}/atlas.git` } });
      const c1 = repo.head();
      await host.sync();
      await server.stop();
      const c2 = repo.commit({ "SOUL.md": "# Soul\n\nWhile the origin was down.\n" });

      let o = (await host.sync()).outcomes[0]!;
      assert.equal(o.condition, "Stalled");
      assert.equal(o.reason, "E_GIT_UNREACHABLE");
      assert.equal(o.kind, "transient");
      assert.equal(host.published(), c1);
      let st = await host.status();
      assert.equal(st.backoff?.failures, 1);
      assert.equal(st.backoff?.until, "2026-01-01T00:00:01.000Z");

      o = (await host.sync()).outcomes[0]!;
      assert.match(o.message, /backing off until/);
      assert.equal((await host.status()).history.length, st.history.length, "a skipped pass is not a run");

      host.advance(1000);
      await host.sync();
      st = await host.status();
      assert.equal(st.backoff?.failures, 2);
      assert.equal(st.backoff?.until, "2026-01-01T00:00:03.000Z");

      await server.start();
      host.advance(2000);
      o = (await host.sync()).outcomes[0]!;
      assert.equal(o.condition, "Ready", o.message);
      assert.equal(host.published(), c2);
      assert.equal((await host.status()).backoff, undefined);
    } finally {
      await server.stop();
    }
  });

  test("a local path that vanished and came back; --force ignores the backoff", async () => {
    const root = tmpDir();
    const repo = soulRepo(root, "atlas");
    const host = makeHost(join(root, "h"), { atlas: { url: repo.origin } });
    const c1 = repo.head();
    await host.sync();
    renameSync(repo.origin, `${repo.origin}.away`);
    const o = (await host.sync()).outcomes[0]!;
    assert.equal(o.reason, "E_GIT_UNREACHABLE", o.message);
    assert.equal(host.published(), c1);
    renameSync(`${repo.origin}.away`, repo.origin);
    const c2 = repo.commit({ "SOUL.md": "# Soul\n\nBack.\n" });
    assert.match((await host.sync()).outcomes[0]!.message, /backing off/);
    const r = await host.sync({ force: true });
    assert.equal(r.outcomes[0]?.condition, "Ready");
    assert.equal(host.published(), c2);
  });
});

describe("a corrupt mirror", () => {
  test("garbage HEAD: detected and re-cloned", async () => {
    const root = tmpDir();
    const repo = soulRepo(root, "atlas");
    const host = makeHost(join(root, "h"), { atlas: { url: `file://${repo.origin}` } });
    await host.sync();
    writeFileSync(join(mirrorOf(host.stateDir), "HEAD"), "garbage\n");
    const c2 = repo.commit({ "SOUL.md": "# Soul\n\nAfter corruption.\n" });
    const o = (await host.sync()).outcomes[0]!;
    assert.equal(o.condition, "Ready", o.message);
    assert.equal(o.recloned, true);
    assert.equal(host.published(), c2);
  });

  test("damaged objects: the fetch fails, the mirror is re-cloned", async () => {
    const root = tmpDir();
    const repo = soulRepo(root, "atlas");
    const host = makeHost(join(root, "h"), { atlas: { url: repo.origin } });
    await host.sync();
    const damage = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) damage(p);
        else {
          chmodSync(p, 0o644);
          writeFileSync(p, "garbage");
        }
      }
    };
    damage(join(mirrorOf(host.stateDir), "objects"));
    const c2 = repo.commit({ "SOUL.md": "# Soul\n\nAfter damage.\n" });
    const o = (await host.sync()).outcomes[0]!;
    assert.equal(o.condition, "Ready", o.message);
    assert.equal(o.recloned, true);
    assert.equal(host.published(), c2);
  });
});

describe("a refused revision", () => {
  test("is not published, not retried until a new revision or --force, and its snapshot is removed", async () => {
    const root = tmpDir();
    const repo = soulRepo(root, "atlas");
    const host = makeHost(join(root, "h"), { atlas: { url: repo.origin } });
    const c1 = repo.head();
    await host.sync();
    const bad = repo.commit({ "manifest.json": "{ not json\n" }, "break the manifest");

    let o = (await host.sync()).outcomes[0]!;
    assert.equal(o.condition, "Stalled");
    assert.equal(o.reason, "E_VALIDATE");
    assert.equal(o.kind, "input");
    assert.ok(o.problems?.some((p) => p.file === "manifest.json" && p.line > 0), JSON.stringify(o.problems));
    assert.equal(host.published(), c1);
    assert.ok(!existsSync(join(host.stateDir, "snapshots", bad)), "a refused snapshot is not kept");
    let st = await host.status();
    assert.equal(st.failed?.commit, bad);
    assert.equal(st.lastAttempted, `main@sha1:${bad}`);
    const runs = st.history.length;

    o = (await host.sync()).outcomes[0]!;
    assert.equal(o.reason, "E_VALIDATE");
    assert.match(o.message, /not retried/);
    assert.equal((await host.status()).history.length, runs, "no new attempt");

    await host.sync({ force: true });
    assert.equal((await host.status()).history.length, runs + 1, "--force tries again");

    const fixed = repo.commit({ "manifest.json": g(repo.work, "show", `${c1}:manifest.json`) }, "fix");
    o = (await host.sync()).outcomes[0]!;
    assert.equal(o.condition, "Ready", o.message);
    assert.equal(host.published(), fixed);
    st = await host.status();
    assert.equal(st.failed, undefined);
  });
});

describe("housekeeping", () => {
  test("half-written snapshots are removed; only the last 3 applied are kept", async () => {
    const root = tmpDir();
    const repo = soulRepo(root, "atlas");
    const host = makeHost(join(root, "h"), { atlas: { url: repo.origin } });
    await host.sync();
    const temp = join(host.stateDir, "snapshots", `.tmp-${"0".repeat(40)}-dead`);
    mkdirSync(join(temp, "skills"), { recursive: true });
    writeFileSync(join(temp, "SOUL.md"), "half");
    const commits: string[] = [];
    let cleaned: string[] = [];
    for (const i of [1, 2, 3, 4]) {
      commits.push(repo.commit({ "SOUL.md": `# Soul\n\nRevision ${i}.\n` }));
      const r = await host.sync();
      cleaned = cleaned.concat(r.cleaned);
    }
    assert.equal(cleaned.length, 1);
    assert.ok(!existsSync(temp));
    const kept = readdirSync(join(host.stateDir, "snapshots")).sort();
    assert.deepEqual(kept, commits.slice(1).sort());
    assert.equal((await host.status()).kept.length, 3);
  });

  test("post-publish steps run in order with the published revision; a failing one stalls the source", async () => {
    const root = tmpDir();
    const repo = soulRepo(root, "atlas");
    const host = makeHost(join(root, "h"), { atlas: { url: repo.origin } });
    const seen: string[] = [];
    const record = (name: string) => ({ name, run: async (p: PublishedRevision) => void seen.push(`${name}:${p.commit}:${existsSync(join(p.dir, "SOUL.md"))}`) });
    await host.sync({ steps: [record("import"), record("render")] });
    assert.deepEqual(seen, [`import:${repo.head()}:true`, `render:${repo.head()}:true`]);
    const c2 = repo.commit({ "SOUL.md": "# Soul\n\nStep fails.\n" });
    let o = (await host.sync({ steps: [{ name: "render", run: async () => Promise.reject(new Error("boom")) }] })).outcomes[0]!;
    assert.equal(o.condition, "Stalled");
    assert.equal(o.reason, "E_STEP_FAILED");
    assert.match(o.message, /step render failed: boom/);
    assert.equal(host.published(), c2);
    seen.length = 0;
    host.advance(60_000);
    o = (await host.sync({ steps: [record("render")] })).outcomes[0]!;
    assert.equal(o.condition, "Ready", o.message);
    assert.deepEqual(seen, [`render:${c2}:true`], "steps that failed run again on the next pass");
    seen.length = 0;
    await host.sync({ steps: [record("render")] });
    assert.deepEqual(seen, [], "and not again once they succeeded");
  });
});

describe("credentials", () => {
  test("come from a host-local secret through askpass and never reach status or output", async () => {
    const root = tmpDir();
    const server = await httpBackend(root, "alice:s3cret-pass");
    try {
      const repo = soulRepo(root, "atlas");
      const host = makeHost(join(root, "h"), { atlas: { url: `${server.url}/atlas.git`, credentials: "atlas-http" } });
      mkdirSync(host.bootstrap.secrets_dir, { recursive: true });
      writeFileSync(join(host.bootstrap.secrets_dir, "atlas-http"), "username=alice\npassword=s3cret-pass\n");
      let o = (await host.sync()).outcomes[0]!;
      assert.equal(o.condition, "Ready", o.message);
      assert.equal(host.published(), repo.head());

      writeFileSync(join(host.bootstrap.secrets_dir, "atlas-http"), "wrong-pass\n");
      repo.commit({ "SOUL.md": "# Soul\n\nNeeds auth.\n" });
      o = (await host.sync()).outcomes[0]!;
      assert.equal(o.reason, "E_GIT_AUTH", o.message);
      const status = readFileSync(join(host.stateDir, "status.json"), "utf8");
      assert.ok(!status.includes("s3cret") && !status.includes("wrong-pass"));
      assert.ok(!JSON.stringify(o).includes("wrong-pass"));

      host.setSouls({ atlas: { url: `${server.url}/atlas.git`, credentials: "missing" } });
      host.advance(60_000);
      o = (await host.sync()).outcomes[0]!;
      assert.equal(o.reason, "E_SECRET_MISSING");
    } finally {
      await server.stop();
    }
  });
});


describe("a pinned commit", () => {
  test("beats the branch (abbreviated), and an unknown one is reported", async () => {
    const root = tmpDir();
    const repo = soulRepo(root, "atlas");
    const c1 = repo.head();
    repo.commit({ "SOUL.md": "# Soul\n\nNewer.\n" });
    const host = makeHost(join(root, "h"), { atlas: { url: repo.origin, ref: { branch: "main", commit: c1.slice(0, 10) } } });
    let o = (await host.sync()).outcomes[0]!;
    assert.equal(o.condition, "Ready", o.message);
    assert.equal(host.published(), c1);
    assert.equal(o.applied, `${c1.slice(0, 10)}@sha1:${c1}`);
    host.setSouls({ atlas: { url: repo.origin, ref: { commit: "0123456789" } } });
    o = (await host.sync()).outcomes[0]!;
    assert.equal(o.reason, "E_REF_NOT_FOUND");
    assert.equal(host.published(), c1);
  });
});

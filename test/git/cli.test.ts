// The operator's view: sync, status and rollback through the real binary and a bootstrap file,
// with the host repo itself fetched from git.
import assert from "node:assert/strict";
import { readlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, test } from "node:test";
import { stringify } from "yaml";
import { soulsync } from "../helpers/cli.js";
import { tmpDir } from "../helpers/tmp.js";
import { g, soulRepo } from "./helpers/repo.js";

describe("soulsync sync / status / rollback", () => {
  test("end to end with a git host repo", () => {
    const root = tmpDir();
    const soul = soulRepo(root, "atlas");
    const hostRepo = soulRepo(root, "host");
    hostRepo.commit({ "host.yaml": stringify({ version: 1, agents: [{ name: "atlas", soul: { url: soul.origin } }] }) }, "host");
    const config = join(root, "soulsync.yaml");
    writeFileSync(config, stringify({ host_repo: { url: `file://${hostRepo.origin}` }, state_dir: "state", secrets_dir: "secrets", driver: "sim", steps: [] }));
    const state = join(root, "state");
    const current = () => basename(readlinkSync(join(state, "atlas", "soul", "current")));

    let r = soulsync(["sync", "--config", config, "--json"]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.ok, true);
    assert.deepEqual(out.sources.map((s: { agent: string; source: string }) => `${s.agent}/${s.source}`), ["_host/repo", "atlas/soul"]);
    assert.equal(current(), soul.head());

    const c1 = soul.head();
    const c2 = soul.commit({ "SOUL.md": "# Soul\n\nTwo.\n" });
    r = soulsync(["sync", "--config", config, "--agent", "atlas"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`atlas/soul: Ready OK \\(published\\): main@sha1:${c2} is published`));
    assert.equal(current(), c2);

    r = soulsync(["status", "--config", config, "--json"]);
    assert.equal(r.status, 0);
    const st = JSON.parse(r.stdout);
    assert.equal(st.version, 1);
    assert.equal(st.sources["atlas/soul"].condition, "Ready");
    assert.equal(st.sources["atlas/soul"].lastApplied, `main@sha1:${c2}`);

    r = soulsync(["rollback", "--config", config, "--agent", "atlas", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).commit, c1);
    assert.equal(current(), c1);
    r = soulsync(["status", "--config", config]);
    assert.match(r.stdout, /atlas\/soul: Ready HELD/);
    assert.match(r.stdout, /held {7}main@sha1:/);

    soul.commit({ "manifest.json": "{" }, "broken");
    r = soulsync(["sync", "--config", config]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /atlas\/soul: Stalled E_VALIDATE/);
    assert.match(r.stdout, /^manifest\.json:\d+:\d+: E_/m);
    assert.equal(current(), c1, "the held revision stays");

    r = soulsync(["sync", "--config", config, "--agent", "nobody"]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /E_AGENT_UNKNOWN/);

    g(soul.origin, "update-ref", "-d", "refs/heads/main");
    r = soulsync(["sync", "--config", config, "--json"]);
    assert.equal(r.status, 1);
    assert.equal(JSON.parse(r.stdout).sources[1].reason, "E_REF_NOT_FOUND");
  });

  test("help and usage", () => {
    for (const cmd of ["sync", "status", "rollback", "promote"]) {
      const r = soulsync([cmd, "--help"]);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /Examples:/);
    }
    assert.equal(soulsync(["rollback"]).status, 2, "--agent is required");
  });
});

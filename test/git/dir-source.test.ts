// A soul kept as a plain directory: its content becomes a deterministic commit, so unchanged
// content is the same revision and a change is a new one. The quick start syncs the examples.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { soulsync } from "../helpers/cli.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";
import { makeHost } from "./helpers/harness.js";
import { soulFiles } from "./helpers/repo.js";

test("a plain directory is a source: same content same revision, a change a new one", async () => {
  const root = tmpDir();
  const dir = writeTree(join(root, "atlas"), soulFiles("atlas"));
  const host = makeHost(join(root, "h"), { atlas: { url: dir } });
  let o = (await host.sync()).outcomes[0]!;
  assert.equal(o.condition, "Ready", o.message);
  const first = host.published()!;
  assert.match(o.applied ?? "", /^dir@sha1:[0-9a-f]{40}$/);
  o = (await host.sync()).outcomes[0]!;
  assert.equal(o.changed, false);
  writeFileSync(join(dir, "SOUL.md"), "# Soul\n\nEdited in place.\n");
  o = (await host.sync()).outcomes[0]!;
  assert.equal(o.changed, true);
  assert.notEqual(host.published(), first);

  host.setSouls({ atlas: { url: dir, verify: { mode: "head", allowed_signers: "/dev/null" } } });
  writeFileSync(join(dir, "SOUL.md"), "# Soul\n\nAgain.\n");
  o = (await host.sync()).outcomes[0]!;
  assert.equal(o.reason, "E_VERIFY_NOT_GIT");
});

test("quick start: sync on the embedded defaults publishes the example souls", () => {
  const state = tmpDir();
  const r = soulsync(["sync", "--json"], { env: { SOULSYNC_STATE_DIR: state, SOULSYNC_CONFIG: undefined } });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.sources.map((s: { agent: string; condition: string }) => `${s.agent}:${s.condition}`), ["atlas:Ready", "mevy:Ready"]);
});

test("relative soul paths resolve against the bootstrap file's directory", () => {
  const root = tmpDir();
  writeTree(join(root, "souls", "atlas"), soulFiles("atlas"));
  writeTree(root, {
    "host/host.yaml": "version: 1\nagents:\n  - name: atlas\n    soul: { url: souls/atlas }\n",
    "soulsync.yaml": "host_repo: { path: host }\nstate_dir: state\nsecrets_dir: secrets\ndriver: sim\nsteps: []\n",
  });
  const r = soulsync(["sync", "--config", join(root, "soulsync.yaml")], { cwd: "/" });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /atlas\/soul: Ready OK \(published\): dir@sha1:/);
});

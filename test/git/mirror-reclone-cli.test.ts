// README (git sources): "A mirror that git cannot read is discarded and re-cloned (reported as
// W_MIRROR_RECLONED)" — what the operator sees from `soulsync sync`, through the real binary.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { stringify } from "yaml";
import { soulsync } from "../helpers/cli.js";
import { envText } from "../reconcile/helpers.js";
import { tmpDir } from "../helpers/tmp.js";
import { soulRepo } from "./helpers/repo.js";

describe("soulsync sync with a broken mirror", () => {
  test("re-clones it, publishes the new revision and says W_MIRROR_RECLONED", () => {
    const root = tmpDir();
    const soul = soulRepo(root, "atlas");
    const host = join(root, "host");
    const config = join(root, "soulsync.yaml");
    writeFileSync(config, stringify({ host_repo: { path: host }, state_dir: "state", secrets_dir: "secrets", driver: "sim", steps: [] }));
    // A plain host directory: one agent whose soul is the bare origin.
    mkdirSync(host, { recursive: true });
    writeFileSync(join(host, "host.yaml"), stringify({ version: 1, agents: [{ name: "atlas", soul: { url: soul.origin } }] }));
    mkdirSync(join(host, "agents"));
    writeFileSync(join(host, "agents/atlas.env"), envText({ name: "atlas", base: "10.0.1" }));

    const first = soulsync(["sync", "--config", config]);
    assert.equal(first.status, 0, first.stdout + first.stderr);
    const mirrors = join(root, "state", "mirrors");
    // The host repo is a plain directory, so the soul's is the only mirror.
    const mirror = readdirSync(mirrors).filter((n) => n.endsWith(".git"));
    assert.equal(mirror.length, 1, readdirSync(mirrors).join(" "));
    writeFileSync(join(mirrors, mirror[0]!, "HEAD"), "garbage\n");
    const c2 = soul.commit({ "SOUL.md": "# Soul\n\nAfter the mirror broke.\n" });

    const r = soulsync(["sync", "--config", config]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /atlas\/soul: W_MIRROR_RECLONED the mirror was broken and has been re-cloned/);
    assert.match(r.stdout, new RegExp(`main@sha1:${c2} is published`));
  });
});

// The ssh transport with a key from the host-local secrets. No sshd runs here, so a stand-in `ssh`
// on PATH records its arguments and runs the remote command (git-upload-pack) locally.
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { tmpDir } from "../helpers/tmp.js";
import { makeHost } from "./helpers/harness.js";
import { soulRepo } from "./helpers/repo.js";

test("ssh:// and user@host:path fetch with the secret key, in batch mode", async () => {
  const root = tmpDir();
  const bin = join(root, "bin");
  mkdirSync(bin);
  const log = join(root, "ssh.log");
  writeFileSync(join(bin, "ssh"), `#!/bin/sh\nprintf '%s\\n' "$@" >> "${log}"\nfor last; do :; done\nexec sh -c "$last"\n`);
  chmodSync(join(bin, "ssh"), 0o755);
  process.env.PATH = `${bin}:${process.env.PATH}`;

  const repo = soulRepo(root, "atlas");
  const host = makeHost(join(root, "h"), { atlas: { url: `ssh://git@127.0.0.1${repo.origin}`, credentials: "atlas-key" } });
  mkdirSync(host.bootstrap.secrets_dir);
  writeFileSync(join(host.bootstrap.secrets_dir, "atlas-key"), "-----BEGIN OPENSSH PRIVATE KEY-----\n(test)\n");
  let o = (await host.sync()).outcomes[0]!;
  assert.equal(o.condition, "Ready", o.message);
  assert.equal(host.published(), repo.head());
  const args = readFileSync(log, "utf8").split("\n");
  assert.ok(args.includes("BatchMode=yes"));
  assert.ok(args.includes("IdentitiesOnly=yes"));
  assert.equal(args[args.indexOf("-i") + 1], join(host.bootstrap.secrets_dir, "atlas-key"));
  assert.ok(args.includes("git@127.0.0.1"));

  const c2 = repo.commit({ "SOUL.md": "# Soul\n\nOver scp-like syntax.\n" });
  host.setSouls({ atlas: { url: `git@127.0.0.1:${repo.origin}` } });
  o = (await host.sync()).outcomes[0]!;
  assert.equal(o.condition, "Ready", o.message);
  assert.equal(host.published(), c2);
});

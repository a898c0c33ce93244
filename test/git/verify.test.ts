// Signed revisions: an SSH-signed tag by an allowed signer is published; an unsigned tag, a tag by
// an unknown key, an unsigned commit (head mode) are refused and the last good stays. GPG too.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { tmpDir } from "../helpers/tmp.js";
import { makeHost } from "./helpers/harness.js";
import { g, soulRepo } from "./helpers/repo.js";

function sshKey(dir: string, name: string): { key: string; pub: string } {
  const key = join(dir, name);
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key]);
  return { key, pub: readFileSync(`${key}.pub`, "utf8").trim() };
}

describe("SSH signatures", () => {
  test("signed tag accepted, unsigned and untrusted refused, last good kept", async () => {
    const root = tmpDir();
    const trusted = sshKey(root, "trusted");
    const stranger = sshKey(root, "stranger");
    const allowed = join(root, "allowed_signers");
    writeFileSync(allowed, `release@example.com namespaces="git" ${trusted.pub}\n`);
    const repo = soulRepo(root, "atlas");
    const c1 = repo.tag("v1.0.0", { sign: trusted.key });
    const verify = { mode: "tag" as const, allowed_signers: allowed };
    const host = makeHost(join(root, "h"), { atlas: { url: repo.origin, ref: { semver: ">=1" }, verify } });

    let o = (await host.sync()).outcomes[0]!;
    assert.equal(o.condition, "Ready", o.message);
    assert.equal(host.published(), c1);

    const c2 = repo.commit({ "SOUL.md": "# Soul\n\nUnsigned.\n" });
    repo.tag("v1.1.0", { annotate: true });
    o = (await host.sync()).outcomes[0]!;
    assert.equal(o.reason, "E_VERIFY_UNSIGNED", o.message);
    assert.equal(host.published(), c1);
    assert.equal((await host.status()).failed?.commit, c2);
    assert.match((await host.sync()).outcomes[0]!.message, /not retried/);

    repo.tag("v1.1.0", { sign: trusted.key, force: true });
    o = (await host.sync()).outcomes[0]!;
    assert.equal(o.condition, "Ready", `a re-signed tag on the same commit is a new revision: ${o.message}`);
    assert.equal(host.published(), c2);

    repo.commit({ "SOUL.md": "# Soul\n\nLightweight.\n" });
    repo.tag("v1.2.0");
    o = (await host.sync()).outcomes[0]!;
    assert.equal(o.reason, "E_VERIFY_UNSIGNED", o.message);

    repo.commit({ "SOUL.md": "# Soul\n\nStranger.\n" });
    repo.tag("v1.3.0", { sign: stranger.key });
    o = (await host.sync()).outcomes[0]!;
    assert.equal(o.reason, "E_VERIFY_UNTRUSTED", o.message);
    assert.equal(host.published(), c2, "the last good revision stays");

    const c5 = repo.commit({ "SOUL.md": "# Soul\n\nTrusted again.\n" });
    repo.tag("v1.4.0", { sign: trusted.key });
    o = (await host.sync()).outcomes[0]!;
    assert.equal(o.condition, "Ready", o.message);
    assert.equal(host.published(), c5);
  });

  test("head mode checks the commit; tag mode refuses a branch selector", async () => {
    const root = tmpDir();
    const trusted = sshKey(root, "trusted");
    const allowed = join(root, "allowed_signers");
    writeFileSync(allowed, `release@example.com namespaces="git" ${trusted.pub}\n`);
    const repo = soulRepo(root, "atlas");
    const host = makeHost(join(root, "h"), { atlas: { url: repo.origin, verify: { mode: "head", allowed_signers: allowed } } });
    let o = (await host.sync()).outcomes[0]!;
    assert.equal(o.reason, "E_VERIFY_UNSIGNED", o.message);

    writeFileSync(join(repo.work, "SOUL.md"), "# Soul\n\nSigned commit.\n");
    g(repo.work, "add", "-A");
    g(repo.work, "-c", "gpg.format=ssh", "-c", `user.signingKey=${trusted.key}`, "commit", "-q", "-S", "-m", "signed");
    g(repo.work, "push", "-q", "origin", "HEAD:main");
    o = (await host.sync()).outcomes[0]!;
    assert.equal(o.condition, "Ready", o.message);
    assert.equal(host.published(), repo.head());

    repo.commit({ "SOUL.md": "# Soul\n\nUnsigned commit, signed tag.\n" });
    repo.tag("v3.0.0", { sign: trusted.key });
    host.setSouls({ atlas: { url: repo.origin, ref: { tag: "v3.0.0" }, verify: { mode: "tag-and-head", allowed_signers: allowed } } });
    o = (await host.sync()).outcomes[0]!;
    assert.equal(o.reason, "E_VERIFY_UNSIGNED", o.message);
    assert.match(o.message, /commit [0-9a-f]{12} is not signed/);

    host.setSouls({ atlas: { url: repo.origin, verify: { mode: "tag", allowed_signers: allowed } } });
    repo.commit({ "SOUL.md": "# Soul\n\nBranch.\n" });
    o = (await host.sync()).outcomes[0]!;
    assert.equal(o.reason, "E_VERIFY_NO_TAG", o.message);
  });
});

describe("GPG signatures", () => {
  const root = tmpDir("soulsync-gpg-");
  const gnupg = join(root, "gnupg");
  const empty = join(root, "empty");
  mkdirSync(gnupg, { mode: 0o700 });
  mkdirSync(empty, { mode: 0o700 });
  const gpg = (...args: string[]) => execFileSync("gpg", ["--batch", "--quiet", ...args], { env: { ...process.env, GNUPGHOME: gnupg }, stdio: "pipe" });
  after(() => {
    for (const home of [gnupg, empty]) {
      try {
        execFileSync("gpgconf", ["--kill", "all"], { env: { ...process.env, GNUPGHOME: home }, stdio: "ignore" });
      } catch {
        // no agent was started
      }
    }
  });

  test("a tag signed by a key in the source's keyring is accepted; another keyring refuses it", async () => {
    gpg("--passphrase", "", "--quick-gen-key", "Release <release@example.com>", "ed25519", "sign", "never");
    const repo = soulRepo(root, "atlas");
    g(repo.work, "config", "user.signingKey", "release@example.com");
    execFileSync("git", ["-c", "gpg.format=openpgp", "tag", "-s", "-m", "v1.0.0", "v1.0.0"], {
      cwd: repo.work,
      env: { ...process.env, GNUPGHOME: gnupg },
      stdio: "pipe",
    });
    g(repo.work, "push", "-q", "origin", "refs/tags/v1.0.0");
    const host = makeHost(join(root, "h"), { atlas: { url: repo.origin, ref: { tag: "v1.0.0" }, verify: { mode: "tag", gpg_home: gnupg } } });
    let o = (await host.sync()).outcomes[0]!;
    assert.equal(o.condition, "Ready", o.message);

    const other = makeHost(join(root, "h2"), { atlas: { url: repo.origin, ref: { tag: "v1.0.0" }, verify: { mode: "tag", gpg_home: empty } } });
    o = (await other.sync()).outcomes[0]!;
    assert.equal(o.reason, "E_VERIFY_UNTRUSTED", o.message);
    assert.equal(other.published(), undefined);
  });
});

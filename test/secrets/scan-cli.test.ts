// `soulsync scan` and `soulsync validate` from the command line, on directories and real git repos.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { soulsync } from "../helpers/cli.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";
import { checksummedToken, seeded } from "./corpus/random.js";
import { commit, gitIn } from "./git.js";

const token = checksummedToken(seeded(11), "ghp_");
const slack = `xoxb-12345678901-1234567890123-${"Zq8Vx2LmT0bZr5NcW9yKdAbC"}`;

describe("soulsync scan PATH", () => {
  it("exits 0 on a clean tree and prints the summary", () => {
    const dir = writeTree(tmpDir(), { "SOUL.md": "# Atlas\nCalm and precise.\n" });
    const r = soulsync(["scan", dir]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /scanned 1 file .*: 0 findings/);
  });

  it("exits 1 with file:line:col, rule and fingerprint, never the secret", () => {
    const dir = writeTree(tmpDir(), { "memories/curated/a.md": `---\ntitle: x\n---\nThe token ${token} works.\n` });
    const r = soulsync(["scan", dir]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^memories\/curated\/a\.md:4:11: E_SECRET github-pat \(fingerprint [0-9a-f]{24}\)/);
    assert.ok(!r.stdout.includes(token) && !r.stderr.includes(token));
  });

  it("prints the documented JSON shape", () => {
    const dir = writeTree(tmpDir(), { "a.env": `SLACK_BOT_TOKEN=${slack}\n`, "b.md": "clean\n" });
    const r = soulsync(["scan", dir, "--json"]);
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.files, 2);
    assert.equal(out.bytes, `SLACK_BOT_TOKEN=${slack}\n`.length + 6);
    assert.deepEqual(Object.keys(out.findings[0]).sort(), ["column", "file", "fingerprint", "line", "preview", "rule"]);
    assert.equal(out.findings[0].file, "a.env");
  });

  it("accepts fingerprints from --allowlist and from the bootstrap secrets_allowlist", () => {
    const dir = writeTree(tmpDir(), { "a.env": `GITHUB_TOKEN=${token}\n` });
    const fp = JSON.parse(soulsync(["scan", dir, "--json"]).stdout).findings[0].fingerprint;
    const etc = tmpDir();
    writeFileSync(join(etc, "allow"), `${fp}\n`);
    assert.equal(soulsync(["scan", dir, "--allowlist", join(etc, "allow")]).status, 0);
    writeFileSync(join(etc, "soulsync.yaml"), "host_repo: {path: .}\nsecrets_allowlist: allow\n");
    assert.equal(soulsync(["scan", dir], { env: { SOULSYNC_CONFIG: join(etc, "soulsync.yaml") } }).status, 0);
  });

  it("reports a file over --max-bytes", () => {
    const dir = writeTree(tmpDir(), { "big.md": "x".repeat(5000) });
    const r = soulsync(["scan", dir, "--max-bytes", "1000", "--json"]);
    assert.equal(r.status, 1);
    assert.equal(JSON.parse(r.stdout).findings[0].rule, "file-too-large");
  });

  it("exits 2 on usage errors and unreadable paths", () => {
    assert.equal(soulsync(["scan"]).status, 2);
    assert.equal(soulsync(["scan", "/nonexistent/soulsync"]).status, 2);
    assert.equal(soulsync(["scan", "x", "--rev", "HEAD"]).status, 2);
  });
});

describe("soulsync scan --repo --rev / --range", () => {
  const repo = tmpDir();
  gitIn(repo, "init", "-q");
  const c1 = commit(repo, { "SOUL.md": "# Atlas\n", "agents/atlas.env": `GITHUB_TOKEN=${token}\n` }, "init");
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal reference is the test data
  commit(repo, { "agents/atlas.env": "GITHUB_TOKEN=${GITHUB_TOKEN}\n" }, "use a reference");
  const c3 = commit(repo, { "IDENTITY.md": "Atlas\n" }, `rotate: the old one was ${slack}`);

  it("--rev scans every file of that commit in full", () => {
    const r = soulsync(["scan", "--repo", repo, "--rev", c1, "--json"]);
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.findings.map((f: { file: string; line: number }) => [f.file, f.line]), [["agents/atlas.env", 1]]);
    assert.equal(soulsync(["scan", "--repo", repo, "--rev", "HEAD"]).status, 0);
  });

  it("--range scans touched files and commit messages", () => {
    const r = soulsync(["scan", "--repo", repo, "--range", `${c1}..${c3}`, "--json"]);
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.findings.map((f: { file: string; rule: string; commit: string }) => [f.file, f.rule, f.commit]), [[`commit:${c3}`, "slack-bot-token", c3]]);
  });

  it("refuses a revision that looks like an option", () => {
    const r = soulsync(["scan", "--repo", repo, "--rev", "--output=/tmp/x"]);
    assert.notEqual(r.status, 0);
  });
});

describe("soulsync validate reports secrets as E_SECRET", () => {
  it("names file, line, rule and fingerprint, never the secret", () => {
    const dir = join(tmpDir(), "soul");
    assert.equal(soulsync(["init", dir]).status, 0);
    writeFileSync(join(dir, "AGENTS.md"), `# Rules\n\nUse ${token} for GitHub.\n`);
    const r = soulsync(["validate", dir, "--json"]);
    assert.equal(r.status, 1);
    const err = JSON.parse(r.stdout).errors.find((e: { code: string }) => e.code === "E_SECRET");
    assert.equal(err.file, "AGENTS.md");
    assert.equal(err.line, 3);
    assert.match(err.message, /github-pat \(fingerprint [0-9a-f]{24}\)/);
    assert.ok(!r.stdout.includes(token));
  });
});

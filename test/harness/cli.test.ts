// `soulsync render` end to end, through the built binary.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ROOT, soulsync } from "../helpers/cli.js";
import { git, gitRepo } from "../helpers/git.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";
import { soulFiles } from "./helpers.js";

const ATLAS = join(ROOT, "examples/souls/atlas");
const REV = "v1.4.0@sha1:1111111111111111111111111111111111111111";
const ENV = { PI_CODING_AGENT_DIR: "", HERMES_HOME: "", CODEX_HOME: "", CLAUDE_CONFIG_DIR: "" };
const render = (args: string[], env: NodeJS.ProcessEnv = {}) => soulsync(["render", ...args], { env: { ...ENV, ...env } });

describe("soulsync render", () => {
  it("renders atlas for every harness, then --check passes", () => {
    const home = tmpDir();
    const r = render(["--soul", ATLAS, "--out", home, "--revision", REV]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^write {3}\.codex\/AGENTS\.md \(missing\)$/m);
    assert.match(r.stdout, /^upsert {2}colibri skill pf-change \(missing\)$/m);
    assert.match(r.stderr, /render: \d+ written, 4 Colibri skills upserted/);
    const check = render(["--soul", ATLAS, "--out", home, "--revision", REV, "--check"]);
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stderr, /up to date at v1\.4\.0@sha1:1{40}/);
  });

  it("--check exits 1 when output is missing or stale, and changes nothing", () => {
    const home = tmpDir();
    const r = render(["--soul", ATLAS, "--out", home, "--revision", REV, "--check", "--harness", "codex"]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^would write {3}\.codex\/AGENTS\.md \(missing\)$/m);
    assert.ok(!existsSync(join(home, ".codex")));
    render(["--soul", ATLAS, "--out", home, "--revision", REV, "--harness", "codex"]);
    const stale = render(["--soul", ATLAS, "--out", home, "--revision", "v1.5.0", "--check", "--harness", "codex"]);
    assert.equal(stale.status, 1);
    assert.match(stale.stdout, /\(stale\)/);
  });

  it("--dry-run --json prints the plan and writes nothing", () => {
    const home = tmpDir();
    const r = render(["--soul", ATLAS, "--out", home, "--revision", REV, "--dry-run", "--json", "--harness", "codex,claude-code"]);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      ok: boolean;
      mode: string;
      revision: string;
      harnesses: Array<{ name: string; enabled: boolean; files: number }>;
      actions: Array<{ kind: string; path: string; reason: string; harness: string }>;
      errors: unknown[];
    };
    assert.equal(out.ok, true);
    assert.equal(out.mode, "dry-run");
    assert.equal(out.revision, REV);
    assert.deepEqual(out.harnesses.map((h) => h.name), ["codex", "claude-code"]);
    assert.ok(out.actions.some((a) => a.kind === "file.write" && a.path === ".claude/CLAUDE.md" && a.reason === "missing"));
    assert.ok(!existsSync(join(home, ".claude")));
  });

  it("refuses a foreign file (exit 1, nothing written), --force backs it up", () => {
    const home = tmpDir();
    mkdirSync(join(home, ".claude"));
    writeFileSync(join(home, ".claude/CLAUDE.md"), "# mine\n");
    const r = render(["--soul", ATLAS, "--out", home, "--revision", REV]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^\.claude\/CLAUDE\.md: E_RENDER_FOREIGN was not written by soulsync; left alone/m, "a whole-file problem prints no :0:0");
    assert.doesNotMatch(r.stdout, /would write|^write /m, "a refused render lists no actions");
    assert.match(r.stderr, /nothing was changed/);
    assert.ok(!existsSync(join(home, ".codex")), "nothing else written either");
    const forced = render(["--soul", ATLAS, "--out", home, "--revision", REV, "--force"]);
    assert.equal(forced.status, 0, forced.stderr);
    const backup = /old file to (\S+)\)/.exec(forced.stdout)?.[1];
    assert.ok(backup);
    assert.equal(readFileSync(join(home, backup), "utf8"), "# mine\n");
  });

  it("names the file and the overflow when a soul is over budget (exit 1)", () => {
    const soul = writeTree(tmpDir(), soulFiles({}, { "USER.md": `# Operator\n\n${"Likes detail. ".repeat(120)}\n` }));
    const home = tmpDir();
    const r = render(["--soul", soul, "--out", home, "--harness", "hermes", "--revision", REV]);
    assert.equal(r.status, 0, "starter privacy keeps USER.md from Hermes");
    const open = writeTree(tmpDir(), soulFiles({ privacy: { user_context: "all", memories: "none", skills: "all" } }, { "USER.md": `# Operator\n\n${"Likes detail. ".repeat(120)}\n` }));
    const over = render(["--soul", open, "--out", tmpDir(), "--harness", "hermes", "--revision", REV]);
    assert.equal(over.status, 1);
    assert.match(over.stdout, /^\.hermes\/memories\/USER\.md: E_RENDER_BUDGET Hermes' user profile cap \(memory\.user_char_limit\) is 1,375 characters; the render has 1,[0-9]{3}, [0-9]+ over \(from USER\.md\)$/m);
  });

  it("honours CODEX_HOME", () => {
    const home = tmpDir();
    const codexHome = join(tmpDir(), "codex");
    const r = render(["--soul", ATLAS, "--out", home, "--harness", "codex", "--revision", REV], { CODEX_HOME: codexHome });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(join(codexHome, "AGENTS.md")));
    assert.ok(existsSync(join(codexHome, "skills/pf-change/SKILL.md")), "Codex skills follow CODEX_HOME");
    assert.ok(!existsSync(join(home, ".agents")), "the shared ~/.agents/skills is left alone");
  });

  it("--harness codex warns about no other harness's budget, and records the version given", () => {
    const big = writeTree(tmpDir(), soulFiles({}, { "SOUL.md": `# Soul\n\n${"Calm and exact. ".repeat(1600)}\n` }));
    const home = tmpDir();
    const r = render(["--soul", big, "--out", home, "--harness", "codex", "--revision", REV, "--harness-version", "codex=0.98.0"]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout, /BUDGET/);
    const m = JSON.parse(readFileSync(join(home, ".soulsync-render.json"), "utf8")) as { versions: unknown };
    assert.deepEqual(m.versions, { codex: { version: "0.98.0", from: "flag" } });
    const hermes = render(["--soul", big, "--out", tmpDir(), "--harness", "hermes", "--revision", REV]);
    assert.equal(hermes.status, 1);
    assert.match(hermes.stdout, /^\.hermes\/SOUL\.md: E_RENDER_BUDGET Hermes' context file cap for SOUL\.md is 20,000 characters/m);
    assert.equal(render(["--soul", big, "--out", tmpDir(), "--harness-version", "codex=new"]).status, 2);
  });

  it("asks an installed harness its version once: the next render reads it from the manifest until the binary changes", () => {
    const bin = tmpDir();
    const asked = join(bin, "asked");
    const pi = (version: string) => writeFileSync(join(bin, "pi"), `#!/bin/sh\necho asked >> ${JSON.stringify(asked)}\necho "${version}"\n`, { mode: 0o755 });
    const times = () => readFileSync(asked, "utf8").trim().split("\n").length;
    const home = tmpDir();
    const env = { PATH: `${bin}:${process.env.PATH}` };
    const json = (r: ReturnType<typeof render>) => (JSON.parse(r.stdout) as { harnesses: Array<{ name: string; version: string | null; versionFrom: string }> }).harnesses.find((h) => h.name === "pi");
    pi("0.70.2");
    const first = render(["--soul", ATLAS, "--out", home, "--harness", "pi", "--revision", REV, "--json"], env);
    assert.equal(first.status, 0, first.stdout + first.stderr);
    assert.deepEqual([json(first)?.version, json(first)?.versionFrom], ["0.70.2", "detected"]);
    const again = render(["--soul", ATLAS, "--out", home, "--harness", "pi", "--revision", REV, "--json"], env);
    assert.equal(json(again)?.version, "0.70.2");
    assert.equal(times(), 1, "the unchanged binary was asked again");
    pi("pi 0.71.10 (upgraded)");
    const upgraded = render(["--soul", ATLAS, "--out", home, "--harness", "pi", "--revision", REV, "--json"], env);
    assert.equal(json(upgraded)?.version, "0.71.10");
    assert.equal(times(), 2);
  });

  it("renders from a symlink to a published snapshot (<state>/<agent>/soul/current)", () => {
    const state = tmpDir();
    const snapshot = join(state, "snapshots", "abc");
    writeTree(snapshot, soulFiles());
    mkdirSync(join(state, "atlas", "soul"), { recursive: true });
    symlinkSync(snapshot, join(state, "atlas", "soul", "current"));
    const r = render(["--soul", join(state, "atlas", "soul", "current"), "--out", tmpDir(), "--harness", "codex", "--revision", REV]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  it("refuses, at file:line, a soul line Hermes would block", () => {
    const soul = writeTree(tmpDir(), soulFiles({}, { "AGENTS.md": "# Rules\n\n- Check in with the on-call DBA before a failover.\n" }));
    const r = render(["--soul", soul, "--out", tmpDir(), "--harness", "hermes", "--revision", REV]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^AGENTS\.md:3:3: E_RENDER_HERMES_BLOCKED Hermes would block this \(c2-check-in: /m);
    const v = soulsync(["validate", soul]);
    assert.equal(v.status, 1);
    assert.match(v.stdout, /^AGENTS\.md:3:3: E_RENDER_HERMES_BLOCKED/m);
  });

  it("takes the revision from git when not given", () => {
    const dir = gitRepo(soulFiles());
    const commit = git(dir, "rev-parse", "HEAD");
    const home = tmpDir();
    const r = render(["--soul", dir, "--out", home, "--harness", "codex"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(readFileSync(join(home, ".codex/AGENTS.md"), "utf8"), new RegExp(`at main@sha1:${commit}, source`));
    const byRepo = render(["--repo", dir, "--rev", "main", "--out", tmpDir(), "--harness", "codex", "--dry-run", "--json"]);
    assert.equal((JSON.parse(byRepo.stdout) as { revision: string }).revision, `main@sha1:${commit}`);
  });

  it("exits 2 on usage errors", () => {
    assert.equal(render(["--soul", ATLAS]).status, 2);
    assert.equal(render(["--soul", ATLAS, "--out", tmpDir(), "--harness", "vim"]).status, 2);
    assert.equal(render(["--soul", ATLAS, "--out", tmpDir(), "--check", "--dry-run"]).status, 2);
  });
});

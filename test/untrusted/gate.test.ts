// One gate: what validate refuses, the sync source step and the hooks refuse too; and the
// pre-receive hook reads a push once however many ref lines name the same commit.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { importDirectory } from "../../src/git/dir-source.js";
import { validateHostTree } from "../../src/git/sources.js";
import { ROOT, soulsync } from "../helpers/cli.js";
import { validSoulFiles } from "../helpers/souls.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";
import { checksummedToken, seeded } from "../secrets/corpus/random.js";
import { commit, gitIn, tryGit } from "../secrets/git.js";

describe("the sync source step", () => {
  it("refuses a plain-directory soul whose AGENTS.md is a special file (git add would drop it)", async () => {
    const root = tmpDir();
    const dir = writeTree(join(root, "atlas"), validSoulFiles());
    rmSync(join(dir, "AGENTS.md"));
    execFileSync("mkfifo", [join(dir, "AGENTS.md")]);
    gitIn(root, "init", "-q", "--bare", "mirror.git");
    await assert.rejects(importDirectory(join(root, "mirror.git"), dir), (e: Error & { code?: string }) => e.code === "E_SPECIAL_FILE" && /AGENTS\.md/.test(e.message));
  });

  it("refuses a host repo snapshot whose agent .env is a committed symlink to /dev/zero", async () => {
    const dir = join(tmpDir(), "host");
    execFileSync("cp", ["-r", join(ROOT, "examples/host"), dir]);
    rmSync(join(dir, "agents/atlas.env"));
    symlinkSync("/dev/zero", join(dir, "agents/atlas.env"));
    const problems = await validateHostTree({ label: dir, entries: [] }, dir);
    assert.ok(problems.some((p) => p.file === "agents/atlas.env" && p.code === "E_SYMLINK_ESCAPE"), JSON.stringify(problems));
  });
});

describe("pre-receive in linear time", () => {
  it("1,000 ref lines naming one commit: one rev-list, and the secret reported once", () => {
    const root = tmpDir();
    const work = join(root, "work");
    gitIn(root, "init", "-q", "-b", "main", work);
    const token = checksummedToken(seeded(11), "npm_");
    commit(work, { "SOUL.md": "# Atlas\n", "notes.txt": `key ${token}\n` }, "add");
    const head = execFileSync("git", ["-C", work, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
    // As in a real pre-receive, no ref reaches the pushed commit yet.
    gitIn(work, "update-ref", "-d", "refs/heads/main");
    const lines = Array.from({ length: 1000 }, (_, i) => `${"0".repeat(40)} ${head} refs/heads/b${i}`).join("\n");
    const trace = join(root, "trace");
    const r = soulsync(["hook", "pre-receive"], { cwd: work, input: `${lines}\n`, env: { GIT_TRACE: trace } });
    assert.equal(r.status, 1, r.stderr);
    assert.ok(!r.stderr.includes(token));
    const spawned = readFileSync(trace, "utf8").split("\n").filter((l) => /trace: built-in: git /.test(l));
    assert.equal(spawned.filter((l) => / rev-list /.test(l)).length, 1, spawned.join("\n"));
    assert.ok(spawned.length <= 6, `${spawned.length} git processes`);
    assert.equal(r.stderr.split("\n").filter((l) => /notes\.txt:1:/.test(l)).length, 1, r.stderr);
  });
});

describe("pre-receive --soul: the origin refuses what validate refuses", () => {
  it("accepts a valid soul, refuses ---js front matter in SOUL.md and AGENTS.md linked to /dev/zero", () => {
    const root = tmpDir();
    const origin = join(root, "origin.git");
    gitIn(root, "init", "-q", "--bare", origin);
    assert.equal(soulsync(["hook", "install", origin, "--soul"]).status, 0);
    assert.match(readFileSync(join(origin, "hooks/pre-receive"), "utf8"), /'--soul'/);
    const work = join(root, "work");
    gitIn(root, "init", "-q", "-b", "main", work);
    gitIn(work, "remote", "add", "origin", origin);
    commit(work, validSoulFiles() as Record<string, string>, "soul");
    assert.equal(tryGit(work, "push", "-q", "origin", "main").status, 0);

    commit(work, { "SOUL.md": "---js\nglobalThis.x = 1\n---\n# Soul\n" }, "js front matter");
    let push = tryGit(work, "push", "-q", "origin", "main");
    assert.equal(push.status, 1);
    assert.match(push.stderr, /refs\/heads\/main:SOUL\.md:1:4: E_FRONTMATTER_LANG/);

    gitIn(work, "reset", "-q", "--hard", "HEAD~1");
    rmSync(join(work, "AGENTS.md"));
    symlinkSync("/dev/zero", join(work, "AGENTS.md"));
    commit(work, {}, "device link");
    push = tryGit(work, "push", "-q", "origin", "main");
    assert.equal(push.status, 1);
    assert.match(push.stderr, /refs\/heads\/main:AGENTS\.md:0:0: E_(CORE_TYPE|SYMLINK_ESCAPE)/);
  });
});

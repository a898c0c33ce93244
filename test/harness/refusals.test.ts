// README promises of `soulsync render` that had no test: two harnesses pointed at one directory
// are refused (E_RENDER_COLLISION), a Colibri database with a -wal or -journal beside it is left
// alone (E_COLIBRI_BUSY), and the generated-files manifest is replaced atomically. End to end
// through the built binary; "nothing changes" is checked on the files themselves.
import assert from "node:assert/strict";
import { existsSync, linkSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ROOT, soulsync } from "../helpers/cli.js";
import { tmpDir } from "../helpers/tmp.js";

const ATLAS = join(ROOT, "examples/souls/atlas");
const ENV = { PI_CODING_AGENT_DIR: "", HERMES_HOME: "", CODEX_HOME: "", CLAUDE_CONFIG_DIR: "" };
const render = (args: string[], env: NodeJS.ProcessEnv = {}) => soulsync(["render", "--soul", ATLAS, ...args], { env: { ...ENV, ...env } });
const rev = (n: number) => `v1.${n}.0@sha1:${String(n).repeat(40)}`;

describe("soulsync render refuses, and changes nothing", () => {
  it("E_RENDER_COLLISION: Pi's and Codex's homes are one directory", () => {
    const home = tmpDir();
    const shared = join(home, "shared");
    const r = render(["--out", home, "--harness", "pi,codex", "--revision", rev(1)], { PI_CODING_AGENT_DIR: shared, CODEX_HOME: shared });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /AGENTS\.md(:\d+:\d+)?: E_RENDER_COLLISION both pi and codex render this path/);
    assert.equal(existsSync(join(shared, "AGENTS.md")), false, "neither harness wrote its AGENTS.md");
    assert.equal(existsSync(join(home, ".soulsync-render.json")), false, "no manifest");
  });

  it("E_COLIBRI_BUSY: a database with a -wal beside it is left alone, and so is every other file", () => {
    const home = tmpDir();
    const first = render(["--out", home, "--harness", "colibri,codex", "--revision", rev(1)]);
    assert.equal(first.status, 0, first.stdout + first.stderr);
    const db = join(home, ".colibri/colibri.sqlite");
    const before = { db: readFileSync(db), agents: readFileSync(join(home, ".codex/AGENTS.md")), manifest: readFileSync(join(home, ".soulsync-render.json")) };
    writeFileSync(`${db}-wal`, "pending writes");

    const r = render(["--out", home, "--harness", "colibri,codex", "--revision", rev(2)]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /colibri\.sqlite(:\d+:\d+)?: E_COLIBRI_BUSY/);
    assert.deepEqual(readFileSync(db), before.db);
    assert.deepEqual(readFileSync(join(home, ".codex/AGENTS.md")), before.agents, "the whole render was refused");
    assert.deepEqual(readFileSync(join(home, ".soulsync-render.json")), before.manifest);

    writeFileSync(`${db}-wal`, "");
    const idle = render(["--out", home, "--harness", "colibri,codex", "--revision", rev(2)]);
    assert.equal(idle.status, 0, `an empty -wal is an idle database: ${idle.stdout}${idle.stderr}`);
  });

  it("the manifest of generated files is replaced by a rename, never rewritten in place", () => {
    const home = tmpDir();
    assert.equal(render(["--out", home, "--harness", "codex", "--revision", rev(1)]).status, 0);
    const manifest = join(home, ".soulsync-render.json");
    const held = join(home, "held-manifest.json");
    linkSync(manifest, held);
    const first = readFileSync(held, "utf8");
    assert.match(first, new RegExp(rev(1)));

    const again = render(["--out", home, "--harness", "codex", "--revision", rev(2)]);
    assert.equal(again.status, 0, again.stdout + again.stderr);
    assert.equal(readFileSync(held, "utf8"), first, "the old manifest's inode still holds the whole old manifest");
    assert.notEqual(statSync(manifest).ino, statSync(held).ino);
    assert.match(readFileSync(manifest, "utf8"), new RegExp(rev(2)));
    assert.deepEqual(readdirSync(home).filter((n) => n.startsWith(".soulsync-render.json") && n !== ".soulsync-render.json"), [], "no temp file left");
  });
});

// The one untrusted reader and the counting walk, on real special files: FIFOs, device links,
// links leaving the root, files over the cap, names that are not UTF-8, trees over the limit.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readTreeFromDir } from "../../src/soul/tree/read-dir.js";
import { validateSoul } from "../../src/soul/validate/index.js";
import { readUntrusted } from "../../src/untrusted/read-file.js";
import { walkUntrusted } from "../../src/untrusted/walk.js";
import { validSoulFiles } from "../helpers/souls.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";

const fifo = (path: string) => execFileSync("mkfifo", [path]);

describe("readUntrusted", () => {
  it("refuses a FIFO without opening it for a blocking read", async () => {
    const dir = tmpDir();
    fifo(join(dir, "host.yaml"));
    const r = await readUntrusted(join(dir, "host.yaml"), { maxBytes: 1024, root: dir });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.reason, "not-regular");
  });

  it("refuses a symlink to /dev/zero and a symlink leaving its root", async () => {
    const dir = tmpDir();
    symlinkSync("/dev/zero", join(dir, "zero.env"));
    symlinkSync("/etc/hostname", join(dir, "out.env"));
    const zero = await readUntrusted(join(dir, "zero.env"), { maxBytes: 1024 });
    assert.equal(!zero.ok && zero.reason, "not-regular");
    const out = await readUntrusted(join(dir, "out.env"), { maxBytes: 1024, root: dir });
    assert.equal(!out.ok && out.reason, "symlink-escape");
  });

  it("follows a symlink that stays inside its root, and caps the size", async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, "real.env"), "A=1\n");
    symlinkSync("real.env", join(dir, "link.env"));
    const r = await readUntrusted(join(dir, "link.env"), { maxBytes: 1024, root: dir });
    assert.equal(r.ok && Buffer.from(r.data).toString(), "A=1\n");
    writeFileSync(join(dir, "big"), Buffer.alloc(2048));
    const big = await readUntrusted(join(dir, "big"), { maxBytes: 1024 });
    assert.equal(!big.ok && big.reason, "too-large");
  });
});

describe("walkUntrusted and the soul reader", () => {
  it("stops at the file limit instead of listing everything first", async () => {
    const dir = tmpDir();
    mkdirSync(join(dir, "many"));
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, "many", `f${i}`), "");
    const walk = await walkUntrusted(dir, { maxFiles: 50, maxDirs: 50, maxDepth: 8 });
    assert.equal(walk.stopped?.limit, "files");
    assert.ok(walk.entries.length <= 51, String(walk.entries.length));
  });

  it("reports a soul over the file limit as E_TOO_MANY_FILES from a partial read", async () => {
    const dir = writeTree(tmpDir(), validSoulFiles());
    for (let i = 0; i < 120; i++) writeFileSync(join(dir, `n${i}.md`), "x\n");
    const tree = await readTreeFromDir(dir, 1024, 100);
    assert.ok(tree.stopped);
    const codes = validateSoul(tree, { maxFileBytes: 1 << 20, maxManifestBytes: 1 << 16, maxTotalBytes: 1 << 24, maxFiles: 100 }).problems.map((p) => p.code);
    assert.ok(codes.includes("E_TOO_MANY_FILES"), codes.join());
  });

  it("stops at the depth limit", async () => {
    const dir = tmpDir();
    mkdirSync(join(dir, ...Array.from({ length: 40 }, () => "d")), { recursive: true });
    const walk = await walkUntrusted(dir, { maxFiles: 100, maxDirs: 100, maxDepth: 32 });
    assert.equal(walk.stopped?.limit, "depth");
  });

  it("keeps a name that is not UTF-8 as an escaped badname entry", async () => {
    const dir = tmpDir();
    writeFileSync(Buffer.from(join(dir, "bad\xff.md"), "latin1"), "x");
    const tree = await readTreeFromDir(dir);
    assert.deepEqual(tree.entries.map((e) => [e.path, e.type]), [["bad\\xff.md", "badname"]]);
  });

  it("lists a FIFO as a special file and never reads it", async () => {
    const files = validSoulFiles();
    delete files["AGENTS.md"];
    const dir = writeTree(tmpDir(), files);
    fifo(join(dir, "AGENTS.md"));
    const tree = await readTreeFromDir(dir);
    assert.equal(tree.entries.find((e) => e.path === "AGENTS.md")?.type, "other");
  });
});

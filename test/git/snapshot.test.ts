// A snapshot is the commit's tree byte for byte: in-repo attributes cannot convert, expand or hide
// content; it is read-only; symlinks stay symlinks.
import assert from "node:assert/strict";
import { lstatSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { tmpDir } from "../helpers/tmp.js";
import { makeHost } from "./helpers/harness.js";
import { soulRepo } from "./helpers/repo.js";

test("attributes in the repo do not change what is published", async () => {
  const root = tmpDir();
  const repo = soulRepo(root, "atlas");
  const c = repo.commit({
    ".gitattributes": "* text eol=crlf\nAGENTS.md export-ignore\nnotes.txt ident export-subst\n",
    "notes.txt": "line one\nid: $Id$ fmt: $Format:%H$\n",
    "adapters/codex.md": { symlink: "../SOUL.md" },
  });
  const host = makeHost(join(root, "h"), { atlas: { url: repo.origin } });
  const o = (await host.sync()).outcomes[0]!;
  assert.equal(o.condition, "Ready", o.message);
  assert.equal(host.published(), c);
  const snap = join(host.stateDir, "snapshots", c);
  assert.equal(readFileSync(join(snap, "notes.txt"), "utf8"), "line one\nid: $Id$ fmt: $Format:%H$\n");
  assert.ok(!readFileSync(join(snap, "SOUL.md"), "utf8").includes("\r"));
  assert.ok(lstatSync(join(snap, "AGENTS.md")).isFile(), "export-ignore does not hide a file");
  assert.equal(readlinkSync(join(snap, "adapters/codex.md")), "../SOUL.md");
  assert.equal(lstatSync(join(snap, "SOUL.md")).mode & 0o222, 0, "files are read-only");
  assert.equal(lstatSync(snap).mode & 0o222, 0, "directories are read-only");
});

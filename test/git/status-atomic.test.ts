// README (status): "<state_dir>/status.json (written atomically by every sync and rollback)".
// A second name (hard link) held on the file between two passes shows whether the file was
// replaced by a rename (the held inode keeps the whole old document) or rewritten in place.
import assert from "node:assert/strict";
import { linkSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { tmpDir } from "../helpers/tmp.js";
import { makeHost } from "./helpers/harness.js";
import { soulRepo } from "./helpers/repo.js";

describe("status.json", () => {
  test("each sync replaces it by a rename: a reader never sees half a document", async () => {
    const root = tmpDir();
    const repo = soulRepo(root, "atlas");
    const host = makeHost(join(root, "h"), { atlas: { url: repo.origin } });
    await host.sync();
    const path = join(host.stateDir, "status.json");
    const held = join(root, "held-status.json");
    linkSync(path, held);
    const first = readFileSync(held, "utf8");
    assert.equal(JSON.parse(first).sources["atlas/soul"].lastApplied, `main@sha1:${repo.head()}`);

    const c2 = repo.commit({ "SOUL.md": "# Soul\n\nTwo.\n" });
    await host.sync();
    assert.equal(readFileSync(held, "utf8"), first, "the old inode still holds the whole first document");
    assert.notEqual(statSync(path).ino, statSync(held).ino);
    assert.equal(JSON.parse(readFileSync(path, "utf8")).sources["atlas/soul"].lastApplied, `main@sha1:${c2}`);
    assert.deepEqual(readdirSync(host.stateDir).filter((n) => n.startsWith("status.json.")), [], "no temp file left");
  });
});

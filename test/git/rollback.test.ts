// Rollback republishes a kept snapshot and holds it until the origin selects a new revision.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { rollbackSource } from "../../src/git/rollback.js";
import { tmpDir } from "../helpers/tmp.js";
import { makeHost } from "./helpers/harness.js";
import { soulRepo } from "./helpers/repo.js";

describe("rollback", () => {
  test("default goes one back; --to picks a kept one; a new revision ends the hold", async () => {
    const root = tmpDir();
    const repo = soulRepo(root, "atlas");
    const host = makeHost(join(root, "h"), { atlas: { url: repo.origin } });
    const c1 = repo.head();
    await host.sync();
    const c2 = repo.commit({ "SOUL.md": "# Soul\n\nTwo.\n" });
    await host.sync();
    const c3 = repo.commit({ "SOUL.md": "# Soul\n\nThree.\n" });
    await host.sync();
    assert.equal(host.published(), c3);

    const seen: boolean[] = [];
    let r = await rollbackSource({ bootstrap: host.bootstrap, agent: "atlas" });
    assert.equal(r.commit, c2);
    assert.equal(r.from, `main@sha1:${c3}`);
    assert.equal(host.published(), c2);

    // The steps after publish follow the rolled-back revision in the next pass, told it is a rollback.
    let o = (await host.sync({ steps: [{ name: "render", run: async (p) => void seen.push(p.rollback) }] })).outcomes[0]!;
    assert.deepEqual(seen, [true]);
    assert.equal(o.reason, "HELD");
    assert.equal(o.condition, "Ready");
    assert.equal(host.published(), c2, "the hold survives a sync while the origin is unchanged");

    r = await rollbackSource({ bootstrap: host.bootstrap, agent: "atlas", to: c1.slice(0, 8) });
    assert.equal(r.commit, c1);
    assert.equal(host.published(), c1);
    const st = await host.status();
    assert.equal(st.hold?.skip, c3, "still held against the revision rolled back from");

    await assert.rejects(rollbackSource({ bootstrap: host.bootstrap, agent: "atlas", to: "deadbeef" }), { code: "E_ROLLBACK_TARGET" });
    await assert.rejects(rollbackSource({ bootstrap: host.bootstrap, agent: "nobody" }), { code: "E_ROLLBACK_UNKNOWN" });

    const c4 = repo.commit({ "SOUL.md": "# Soul\n\nFour.\n" });
    o = (await host.sync()).outcomes[0]!;
    assert.equal(o.reason, "OK", o.message);
    assert.equal(host.published(), c4);
    assert.equal((await host.status()).hold, undefined);
  });
});

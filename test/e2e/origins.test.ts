// Origins that fail: an HTTP origin down, then back (backoff, last good kept, recovery); and an
// HTTP server answering 200 with an error page (unreachable and backing off, never a refused
// revision). Over a real `git http-backend`, behind a proxy the test can break.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { join } from "node:path";
import { errorPageProxy } from "../git/helpers/error-page.js";
import { httpBackend } from "../git/helpers/servers.js";
import { makeWorld, rev } from "./helpers/world.js";
import { untilPast } from "./helpers/wait.js";

const w = makeWorld({ agents: { atlas: {}, mevy: {} } });
const server = await httpBackend(join(w.root, "origins"));
const proxy = await errorPageProxy(server.url);
after(async () => {
  await proxy.stop();
  await server.stop();
});
w.setAgent("atlas", { url: () => `${server.url}/atlas-soul.git` });
w.setAgent("mevy", { url: () => `${proxy.url}/mevy-soul.git` });

describe("origins that fail", () => {
  test("first sync over HTTP", async () => {
    const r = await w.sync();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(w.source("atlas").condition, "Ready");
    assert.equal(w.source("mevy").condition, "Ready");
  });

  test("origin unreachable: transient, backoff, last good live; back: the new revision is applied", async () => {
    const good = w.published("atlas");
    await server.stop();
    const c = w.push("atlas", { "USER.md": "# Operator\n\nWhile the origin was down.\n" });
    const r = await w.sync();
    assert.equal(r.status, 2, "a transient failure exits 2");
    const s = w.source("atlas");
    assert.equal(s.condition, "Stalled");
    assert.equal(s.reason, "E_GIT_UNREACHABLE", s.message);
    assert.equal(s.backoff?.failures, 1);
    assert.equal(s.failed, undefined, "not a refused revision");
    assert.equal(w.published("atlas"), good);
    assert.equal(w.served("atlas"), rev("main", good!));

    await server.start();
    await untilPast(w.source("atlas").backoff?.until);
    const back = await w.sync();
    assert.equal(back.status, 0, back.stderr);
    assert.equal(w.source("atlas").condition, "Ready");
    assert.equal(w.source("atlas").backoff, undefined);
    assert.equal(w.published("atlas"), c);
    assert.equal(w.served("atlas"), rev("main", c));
  });

  test("a broken HTTP origin (200 with an error page): unreachable, backoff, not E_REF_NOT_FOUND; fixed: recovers", async () => {
    const good = w.published("mevy");
    proxy.mode = "page";
    const c = w.push("mevy", { "USER.md": "# Operator\n\nBehind a broken proxy.\n" });
    const r = await w.sync();
    assert.equal(r.status, 2);
    const s = w.source("mevy");
    assert.equal(s.reason, "E_GIT_UNREACHABLE", s.message);
    assert.match(s.message, /not git|HTTP 200/);
    assert.ok((s.backoff?.failures ?? 0) >= 1);
    assert.equal(s.failed, undefined);
    assert.equal(w.published("mevy"), good);
    assert.equal(w.source("atlas").condition, "Ready", "the other agent is unaffected");

    proxy.mode = "git";
    await untilPast(w.source("mevy").backoff?.until);
    const back = await w.sync();
    assert.equal(back.status, 0, back.stderr);
    assert.equal(w.published("mevy"), c);
    assert.equal(w.served("mevy"), rev("main", c));
  });
});

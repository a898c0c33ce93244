// The HTTP receiver over real HTTP on loopback: signed forge and soulsync requests queue agents;
// unsigned, wrongly signed, replayed, oversized, slow and flooding requests are refused.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { after, before, describe, it } from "node:test";
import type { TriggerEvent } from "../../src/daemon/triggers/types.js";
import { startWebhook } from "../../src/daemon/triggers/webhook.js";
import { soulsyncHeaders } from "../../src/daemon/triggers/webhook-sign.js";
import { capturedLogger, dribble, forgeHeaders, pushPayload, send, splitAddress } from "./helpers/http.js";

const KEY = Buffer.from("4b1d6e0f2a9c83d7e5f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7");
const WRONG = Buffer.from("0000000000000000000000000000000000000000000000000000000000000000");

async function receiver(o: { ratePerMinute?: number; maxBodyBytes?: number; bodyTimeoutMs?: number; fail?: boolean } = {}) {
  const calls: TriggerEvent[] = [];
  const logs = capturedLogger();
  const server = await startWebhook({
    listen: "127.0.0.1:0",
    key: KEY,
    log: logs.log,
    ratePerMinute: o.ratePerMinute ?? 1000,
    maxBodyBytes: o.maxBodyBytes,
    bodyTimeoutMs: o.bodyTimeoutMs,
    onTrigger: async (e) => {
      if (o.fail) throw new Error("queue broke");
      calls.push(e);
      return e.repos?.some((r) => r.includes("atlas")) ? ["atlas"] : [];
    },
  });
  return { ...server, calls, logs };
}

describe("the webhook receiver accepts signed pushes", () => {
  let w: Awaited<ReturnType<typeof receiver>>;
  before(async () => {
    w = await receiver();
  });
  after(() => w.close());

  for (const forge of ["github", "gitea", "forgejo"] as const) {
    it(`queues the agents of a ${forge} push`, async () => {
      const body = pushPayload("clawdie", "atlas-soul");
      const headers = forgeHeaders(forge, KEY, body);
      const before = w.calls.length;
      const r = await send(w.address, { body, headers });
      assert.equal(r.status, 202, r.body);
      assert.deepEqual(JSON.parse(r.body), { agents: ["atlas"] });
      const call = w.calls[before];
      assert.equal(w.calls.length, before + 1);
      assert.equal(call?.kind, "webhook");
      assert.equal(call?.delivery, headers["x-github-delivery"]);
      assert.deepEqual(call?.repos, [
        "https://git.example.org/clawdie/atlas-soul.git",
        "git@git.example.org:clawdie/atlas-soul.git",
        "https://git.example.org/clawdie/atlas-soul",
        "clawdie/atlas-soul",
      ]);
      assert.ok(typeof call?.at === "number" && Math.abs(call.at - Date.now()) < 60_000);
    });
  }

  it("takes soulsync's own signed notification on /hook and answers [] for a repo no agent watches", async () => {
    const body = Buffer.from(JSON.stringify({ repo: "/srv/git/mevy-soul.git", refs: [{ old: "0".repeat(40), new: "a".repeat(40), name: "refs/heads/main" }] }));
    const r = await send(w.address, { path: "/hook", body, headers: { "content-type": "application/json", ...soulsyncHeaders(KEY, body) } });
    assert.equal(r.status, 202, r.body);
    assert.deepEqual(JSON.parse(r.body), { agents: [] });
    assert.deepEqual(w.calls.at(-1)?.repos, ["/srv/git/mevy-soul.git"]);
  });

  it("answers a ping with no agents and queues nothing", async () => {
    const body = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1, repository: JSON.parse(pushPayload("o", "atlas")).repository });
    const n = w.calls.length;
    const r = await send(w.address, { body, headers: { ...forgeHeaders("github", KEY, body), "x-github-event": "ping" } });
    assert.equal(r.status, 202);
    assert.deepEqual(JSON.parse(r.body), { agents: [] });
    assert.equal(w.calls.length, n);
  });

  it("refuses a signed body that names no repository (400)", async () => {
    for (const body of ["not json", "[]", JSON.stringify({ ref: "refs/heads/main" }), JSON.stringify({ repository: { clone_url: "a\nb" } })]) {
      const r = await send(w.address, { body, headers: forgeHeaders("gitea", KEY, body) });
      assert.equal(r.status, 400, body);
    }
  });

  it("answers 404 and 405 for other paths and methods", async () => {
    assert.equal((await send(w.address, { path: "/other", body: "{}" })).status, 404);
    assert.equal((await send(w.address, { method: "GET" })).status, 405);
  });
});

describe("the webhook receiver refuses what it must", () => {
  let w: Awaited<ReturnType<typeof receiver>>;
  const sentSignatures: string[] = [];
  before(async () => {
    w = await receiver({ maxBodyBytes: 64 * 1024, bodyTimeoutMs: 700 });
  });
  after(() => w.close());

  it("refuses an unsigned request (401)", async () => {
    const r = await send(w.address, { body: pushPayload("o", "atlas"), headers: { "content-type": "application/json", "x-github-event": "push", "x-github-delivery": randomUUID() } });
    assert.equal(r.status, 401);
    assert.equal(w.calls.length, 0);
  });

  it("refuses a request signed with another key, or with the body changed (401)", async () => {
    const body = pushPayload("o", "atlas");
    for (const forge of ["github", "gitea", "forgejo"] as const) {
      const h = forgeHeaders(forge, WRONG, body);
      sentSignatures.push(h["x-hub-signature-256"] ?? "");
      assert.equal((await send(w.address, { body, headers: h })).status, 401, forge);
      const good = forgeHeaders(forge, KEY, body);
      sentSignatures.push(good["x-hub-signature-256"] ?? "");
      assert.equal((await send(w.address, { body: body.replace("atlas", "evil"), headers: good })).status, 401, forge);
    }
    assert.equal(w.calls.length, 0);
  });

  it("refuses soulsync's own request with a stale timestamp or a changed delivery id (401)", async () => {
    const body = Buffer.from(JSON.stringify({ repo: "/srv/git/atlas-soul.git", refs: [] }));
    const stale = soulsyncHeaders(KEY, body, Date.now() - 301_000);
    assert.equal((await send(w.address, { body, headers: stale })).status, 401);
    const moved = { ...soulsyncHeaders(KEY, body), "x-soulsync-delivery": randomUUID() };
    assert.equal((await send(w.address, { body, headers: moved })).status, 401);
    assert.equal(w.calls.length, 0);
  });

  it("refuses a replayed delivery (409) and queues it once", async () => {
    const body = pushPayload("o", "atlas");
    const headers = forgeHeaders("github", KEY, body);
    sentSignatures.push(headers["x-hub-signature-256"] ?? "");
    assert.equal((await send(w.address, { body, headers })).status, 202);
    assert.equal((await send(w.address, { body, headers })).status, 409);
    assert.equal(w.calls.length, 1);
  });

  it("refuses a body whose declared length passes the cap (413) before reading it", async () => {
    const body = Buffer.alloc(65 * 1024, 0x20);
    const r = await send(w.address, { body, headers: forgeHeaders("github", KEY, body.toString()) });
    assert.equal(r.status, 413);
    assert.equal(w.calls.length, 1);
  });

  it("refuses a chunked body as soon as it passes the cap, holding no more than that", async () => {
    const [host, port] = splitAddress(w.address);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host, port, method: "POST", path: "/webhook", agent: false, headers: forgeHeaders("github", KEY, "{}") }, (res) => {
        res.resume();
        req.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", (e) => (req.destroyed ? undefined : reject(e)));
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        // Bounded: at most 4 MiB, stopping as soon as the answer came.
        while (sent < 256 && !req.destroyed) {
          sent++;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (!req.destroyed) req.end();
      };
      pump();
    });
    assert.equal(status, 413);
    const refused = w.logs.lines().filter((l) => l.status === 413 && typeof l.received === "number" && (l.received as number) > 0);
    assert.equal(refused.length, 1);
    assert.ok((refused[0]?.received as number) <= 64 * 1024 + 64 * 1024, `read ${refused[0]?.received} bytes`);
    assert.equal(w.calls.length, 1);
  });

  it("cuts a body that dribbles in (408)", async () => {
    const head = "POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n";
    const { answer, bytes } = await dribble(w.address, head, "{", 100);
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.ok(bytes < 100, `the server waited for all ${bytes} bytes`);
    assert.equal(w.calls.length, 1);
  });

  it("cuts a client that dribbles its headers (Node's headersTimeout)", async () => {
    const { answer, bytes } = await dribble(w.address, "POST /webhook HTTP/1.1\r\nHost: x\r\nX-Slow: ", "a", 200);
    assert.ok(bytes < 200, "the server never cut the connection");
    assert.ok(answer === "" || answer.startsWith("HTTP/1.1 408"), answer);
    assert.equal(w.calls.length, 1);
  });

  it("never logs the key or a signature", () => {
    const text = w.logs.text();
    assert.ok(text.length > 0);
    assert.ok(!text.includes(KEY.toString()));
    for (const s of sentSignatures) assert.ok(!text.includes(s.slice(7)), "a signature was logged");
    assert.ok(w.logs.lines().every((l) => typeof l.event === "string"));
  });
});

describe("the webhook receiver limits the rate per address", () => {
  it("answers 429 past the rate and queues only what it allowed", async (t) => {
    const w = await receiver({ ratePerMinute: 3 });
    t.after(() => w.close());
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 10; i++) {
      const body = pushPayload("o", "atlas");
      const r = await send(w.address, { body, headers: forgeHeaders("github", KEY, body) });
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers["retry-after"] as string;
    }
    assert.deepEqual(statuses, [202, 202, 202, 429, 429, 429, 429, 429, 429, 429]);
    assert.match(retryAfter ?? "", /^\d+$/);
    assert.equal(w.calls.length, 3);
    assert.equal(w.logs.lines().filter((l) => l.status === 429).length, 1, "every 429 of a flood was logged");
    assert.equal((await send(w.address, { path: "/other", body: "{}" })).status, 429);
  });
});

describe("the webhook receiver when the queue fails", () => {
  it("answers 500, logs the failure and takes the forge's retry of that delivery", async (t) => {
    const w = await receiver({ fail: true });
    t.after(() => w.close());
    const body = pushPayload("o", "atlas");
    const headers = forgeHeaders("forgejo", KEY, body);
    assert.equal((await send(w.address, { body, headers })).status, 500);
    assert.equal((await send(w.address, { body, headers })).status, 500, "the retry was refused as a replay");
    assert.ok(w.logs.lines().some((l) => l.status === 500 && l.event === "webhook"));
  });
});

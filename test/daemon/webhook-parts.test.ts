// The receiver's pure parts: signatures (GitHub's published vector), payload repos, the rate
// limiter, the bounded replay set and the key file.
import assert from "node:assert/strict";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { execFileSync } from "node:child_process";
import { createRateLimiter } from "../../src/daemon/triggers/rate-limit.js";
import { RecentSet } from "../../src/daemon/triggers/recent-set.js";
import { loadWebhookKey } from "../../src/daemon/triggers/webhook-key.js";
import { reposOfPayload } from "../../src/daemon/triggers/webhook-payload.js";
import { soulsyncHeaders, verifySignature } from "../../src/daemon/triggers/webhook-sign.js";
import { tmpDir } from "../helpers/tmp.js";
import { pushPayload } from "./helpers/http.js";

describe("verifySignature", () => {
  // docs.github.com, "Validating webhook deliveries": secret, payload and the signature to expect.
  const key = Buffer.from("It's a Secret to Everybody");
  const body = Buffer.from("Hello, World!");
  const sig = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
  const now = Date.now();

  it("accepts GitHub's published test vector", () => {
    assert.deepEqual(verifySignature({ "x-hub-signature-256": `sha256=${sig}`, "x-github-delivery": "d-1" }, body, key, now), {
      ok: true,
      forge: "github",
      delivery: "d-1",
    });
    assert.equal(verifySignature({ "x-gitea-signature": sig, "x-gitea-delivery": "d-2" }, body, key, now).ok, true);
    assert.equal(verifySignature({ "x-forgejo-signature": sig.toUpperCase(), "x-forgejo-delivery": "d-3" }, body, key, now).ok, true);
  });

  it("refuses a changed body, a missing prefix, a short or non-hex signature, and no signature", () => {
    const h = (s: string) => ({ "x-hub-signature-256": s, "x-github-delivery": "d" });
    assert.equal(verifySignature(h(`sha256=${sig}`), Buffer.from("Hello, World?"), key, now).ok, false);
    for (const s of [sig, `sha256=${sig.slice(0, 10)}`, `sha256=${"z".repeat(64)}`, `sha1=${sig}`]) {
      assert.deepEqual(verifySignature(h(s), body, key, now), { ok: false, status: 401, reason: "bad signature" });
    }
    assert.deepEqual(verifySignature({}, body, key, now), { ok: false, status: 401, reason: "unsigned" });
  });

  it("wants a well-formed delivery id once the signature holds", () => {
    assert.deepEqual(verifySignature({ "x-hub-signature-256": `sha256=${sig}` }, body, key, now), { ok: false, status: 400, reason: "no valid delivery id" });
    assert.equal(verifySignature({ "x-hub-signature-256": `sha256=${sig}`, "x-github-delivery": "a b" }, body, key, now).ok, false);
  });

  it("binds soulsync's timestamp and delivery id to the body and allows ±300 s of skew", () => {
    const k = Buffer.from("a".repeat(32));
    const h = soulsyncHeaders(k, body, now - 299_000, "del-1");
    assert.deepEqual(verifySignature(h, body, k, now), { ok: true, forge: "soulsync", delivery: "del-1" });
    assert.equal(verifySignature(soulsyncHeaders(k, body, now + 301_000), body, k, now).ok, false);
    assert.equal(verifySignature({ ...h, "x-soulsync-timestamp": String(Math.floor(now / 1000)) }, body, k, now).ok, false);
    assert.equal(verifySignature({ ...h, "x-soulsync-delivery": "del-2" }, body, k, now).ok, false);
    assert.equal(verifySignature({ ...h, "x-soulsync-timestamp": "" }, body, k, now).ok, false);
  });
});

describe("reposOfPayload", () => {
  it("reads a forge push's repository names", () => {
    assert.deepEqual(reposOfPayload("gitea", Buffer.from(pushPayload("gitea", "webhooks")), "application/json"), {
      ok: true,
      repos: ["https://git.example.org/gitea/webhooks.git", "git@git.example.org:gitea/webhooks.git", "https://git.example.org/gitea/webhooks", "gitea/webhooks"],
    });
  });
  it("reads GitHub's form-encoded payload field", () => {
    const form = new URLSearchParams({ payload: pushPayload("o", "r") }).toString();
    const r = reposOfPayload("github", Buffer.from(form), "application/x-www-form-urlencoded");
    assert.ok(r.ok && r.repos.includes("o/r"));
  });
  it("reads soulsync's own {repo} and ignores a forge shape there", () => {
    assert.deepEqual(reposOfPayload("soulsync", Buffer.from('{"repo":"/srv/git/a.git","refs":[]}'), undefined), { ok: true, repos: ["/srv/git/a.git"] });
    assert.equal(reposOfPayload("soulsync", Buffer.from(pushPayload("o", "r")), undefined).ok, false);
  });
  it("refuses bodies that name no usable repo", () => {
    for (const b of ["", "null", "[1]", '{"repository":"x"}', '{"repository":{"clone_url":""}}', `{"repository":{"full_name":"${"x".repeat(3000)}"}}`, '{"repository":{"full_name":"a\\u0000b"}}']) {
      assert.equal(reposOfPayload("github", Buffer.from(b), "application/json").ok, false, b);
    }
  });
});

describe("createRateLimiter", () => {
  it("allows the burst, then one request per 60/rate seconds, per address", () => {
    let t = 0;
    const limit = createRateLimiter(6, () => t);
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(() => limit.take("a")), [0, 0, 0, 0, 0, 0, 10]);
    assert.equal(limit.take("b"), 0);
    t += 9_999;
    assert.equal(limit.take("a"), 1);
    t += 10_001;
    assert.equal(limit.take("a"), 0);
  });
  it("forgets the oldest address past its bound", () => {
    const limit = createRateLimiter(1, () => 0, 2);
    limit.take("a");
    limit.take("b");
    limit.take("c");
    assert.equal(limit.take("a"), 0); // forgotten, so a fresh bucket
  });
});

describe("RecentSet", () => {
  it("refuses a repeat and forgets the oldest past its size", () => {
    const s = new RecentSet(2);
    assert.deepEqual(["x", "x", "y", "z", "x", "z"].map((id) => s.add(id)), [true, false, true, true, true, false]);
    assert.equal(s.size, 2);
  });
});

describe("loadWebhookKey", () => {
  it("reads a key made with openssl, without its newline", async () => {
    const dir = tmpDir();
    const file = join(dir, "webhook.key");
    execFileSync("sh", ["-c", `umask 077; openssl rand -hex 32 > '${file}'`]);
    const key = await loadWebhookKey(file);
    assert.equal(key.length, 64);
    assert.match(key.toString(), /^[0-9a-f]{64}$/);
  });
  it("refuses a missing or short key without printing it", async () => {
    const dir = tmpDir();
    await assert.rejects(loadWebhookKey(join(dir, "none")), { code: "E_WEBHOOK_KEY" });
    writeFileSync(join(dir, "short"), "tiny-key\n");
    chmodSync(join(dir, "short"), 0o600);
    await assert.rejects(loadWebhookKey(join(dir, "short")), (e: Error & { code: string }) => e.code === "E_WEBHOOK_KEY" && !e.message.includes("tiny-key"));
  });
});

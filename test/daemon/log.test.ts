// The daemon's logger: JSON lines off a terminal, short lines on one, `event` on every line,
// and no credential (URL password, key, token, signature) in any of them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PassThrough } from "node:stream";
import { createLogger } from "../../src/daemon/log.js";

const PASSWORD = "hunter2-Zq9xLw";
const KEY = "k3y-8f1e2d3c4b5a69788796a5b4c3d2e1f0";
const TOKEN = "ghp_9c1f0b3e7a2d4c6b8a0f1e3d5c7b9a1e2f4d";

function capture(tty: boolean): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  (stream as unknown as { isTTY: boolean }).isTTY = tty;
  let text = "";
  stream.on("data", (d) => {
    text += String(d);
  });
  return { stream, text: () => text };
}

/** Logs the same secrets every way a caller might. */
function logSecrets(tty: boolean): string {
  const c = capture(tty);
  const log = createLogger({ stream: c.stream });
  log.info({ event: "fetch", url: `https://bob:${PASSWORD}@git.example.org/atlas.git` }, "fetching");
  log.info(`plain message naming https://bob:${PASSWORD}@git.example.org/atlas.git`);
  log.warn({ event: "webhook", key: Buffer.from(KEY), signature: `sha256=${KEY}` }, "bad signature");
  log.info({ event: "auth", source: { token: TOKEN, password: PASSWORD }, headers: { authorization: `Bearer ${TOKEN}` } });
  log.error({ event: "fail", err: new Error(`fetch https://${TOKEN}@github.com/o/r.git failed`) });
  log.child({ agent: "atlas" }).info({ event: "run", deep: { a: { secret: PASSWORD } } });
  return c.text();
}

describe("createLogger", () => {
  it("writes one JSON object per line off a terminal, each with an event", () => {
    const lines = logSecrets(false).trim().split("\n");
    assert.equal(lines.length, 6);
    const objs = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(
      objs.map((o) => o.event),
      ["fetch", "log", "webhook", "auth", "fail", "run"],
    );
    assert.equal(objs[0]?.url, "https://bob:***@git.example.org/atlas.git");
    assert.equal(objs[2]?.key, "[redacted]");
    assert.equal(objs[5]?.agent, "atlas");
  });

  it("never writes a URL password, a key, a token or a signature", () => {
    for (const tty of [false, true]) {
      const text = logSecrets(tty);
      for (const secret of [PASSWORD, KEY, TOKEN, Buffer.from(KEY).toString("hex")]) assert.ok(!text.includes(secret), `${secret} leaked (tty=${tty}): ${text}`);
      // The Buffer's bytes as JSON numbers: the first few of them in a row must not appear either.
      assert.ok(!text.includes([...Buffer.from(KEY)].slice(0, 6).join(",")));
    }
  });

  it("writes short human lines on a terminal", () => {
    const c = capture(true);
    const log = createLogger({ stream: c.stream });
    log.info({ event: "run", agent: "atlas", result: "applied", trigger: "watch" }, "atlas soul applied");
    log.warn({ event: "webhook", status: 401 }, "refused");
    const lines = c.text().trim().split("\n");
    assert.match(lines[0] ?? "", /^\d\d:\d\d:\d\d run atlas soul applied agent=atlas result=applied trigger=watch$/);
    assert.match(lines[1] ?? "", /^\d\d:\d\d:\d\d WARN webhook refused status=401$/);
    assert.throws(() => JSON.parse(lines[0] ?? ""));
  });

  it("honours json: true on a terminal and the level", () => {
    const c = capture(true);
    const log = createLogger({ stream: c.stream, json: true, level: "warn" });
    log.info({ event: "quiet" });
    log.warn({ event: "loud" });
    assert.deepEqual(c.text().trim().split("\n").map((l) => (JSON.parse(l) as { event: string }).event), ["loud"]);
  });
});

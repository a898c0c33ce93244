// The metrics registry, scraped over real HTTP on loopback.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createMetrics } from "../../src/daemon/metrics.js";
import { parseListen } from "../../src/daemon/listen.js";

describe("createMetrics", () => {
  it("serves every soulsync metric and the process defaults at GET /metrics", async () => {
    const m = createMetrics();
    m.runs.inc({ agent: "atlas", result: "applied" });
    m.runs.inc({ agent: "atlas", result: "applied" });
    m.runs.inc({ agent: "mevy", result: "failed" });
    m.stepDuration.observe({ step: "render" }, 0.03);
    m.pushToApplied.observe(0.25);
    m.lastApplied.set({ agent: "atlas" }, 1_796_000_000);
    m.queueDepth.set(2);
    m.triggers.inc({ kind: "watch" });
    const server = await m.serve("127.0.0.1:0");
    try {
      assert.match(server.address, /^127\.0\.0\.1:\d+$/);
      const res = await fetch(`http://${server.address}/metrics`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      assert.match(text, /^soulsync_runs_total\{agent="atlas",result="applied"\} 2$/m);
      assert.match(text, /^soulsync_runs_total\{agent="mevy",result="failed"\} 1$/m);
      assert.match(text, /^soulsync_step_duration_seconds_bucket\{le="0\.05",step="render"\} 1$/m);
      assert.match(text, /^soulsync_step_duration_seconds_bucket\{le="0\.025",step="render"\} 0$/m);
      assert.match(text, /^soulsync_push_to_applied_seconds_count 1$/m);
      assert.match(text, /^soulsync_push_to_applied_seconds_bucket\{le="0\.4"\} 1$/m);
      assert.match(text, /^soulsync_last_applied_timestamp_seconds\{agent="atlas"\} 1796000000$/m);
      assert.match(text, /^soulsync_queue_depth 2$/m);
      assert.match(text, /^soulsync_triggers_total\{kind="watch"\} 1$/m);
      assert.match(text, /^process_resident_memory_bytes \d+/m);
      assert.match(text, /^nodejs_eventloop_lag_seconds /m);
      assert.equal((await fetch(`http://${server.address}/other`)).status, 404);
      assert.equal((await fetch(`http://${server.address}/metrics`, { method: "POST" })).status, 405);
    } finally {
      await server.close();
    }
  });

  it("keeps each daemon's metrics in its own registry", async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.queueDepth.set(5);
    assert.match(await a.registry.metrics(), /^soulsync_queue_depth 5$/m);
    assert.match(await b.registry.metrics(), /^soulsync_queue_depth 0$/m);
  });

  it("refuses a non-loopback listen address unless allowed, and a malformed one", async () => {
    const m = createMetrics();
    await assert.rejects(m.serve("0.0.0.0:0"), { code: "E_LISTEN_PUBLIC" });
    await assert.rejects(m.serve("10.0.1.1:9464"), { code: "E_LISTEN_PUBLIC" });
    await assert.rejects(m.serve("127.0.0.1"), { code: "E_LISTEN" });
    await assert.rejects(m.serve("127.0.0.1:70000"), { code: "E_LISTEN" });
    const s = await m.serve("[::1]:0").catch((e: { code?: string }) => e);
    if ("address" in s) {
      assert.match(s.address, /^\[::1\]:\d+$/);
      await s.close();
    } else assert.equal(s.code, "E_LISTEN_BIND"); // a host without IPv6 loopback
  });
});

describe("parseListen", () => {
  it("reads host:port forms", () => {
    assert.deepEqual(parseListen("127.0.0.1:8787"), { host: "127.0.0.1", port: 8787 });
    assert.deepEqual(parseListen("[::1]:0"), { host: "::1", port: 0 });
    assert.deepEqual(parseListen("localhost:9464"), { host: "localhost", port: 9464 });
    for (const bad of ["", ":80", "host:", "a b:1", "[nope]:1", "1.2.3.4:99999"]) assert.throws(() => parseListen(bad), { code: "E_LISTEN" });
  });
});

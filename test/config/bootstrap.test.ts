// The bootstrap file's trigger, daemon and metrics keys (DAEMON-SPEC "Bootstrap file keys").
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { loadBootstrap } from "../../src/config/bootstrap.js";
import { soulsync } from "../helpers/cli.js";
import { tmpDir } from "../helpers/tmp.js";

function configFile(yaml: string): string {
  const dir = tmpDir();
  const file = join(dir, "soulsync.yaml");
  writeFileSync(file, `host_repo: { path: ${dir} }\nstate_dir: ${join(dir, "state")}\ndriver: sim\n${yaml}`);
  return file;
}

describe("bootstrap triggers, daemon and metrics", () => {
  it("fills the defaults", async () => {
    const b = await loadBootstrap(configFile(""), {});
    assert.deepEqual(b.triggers, { poll: "*/5 * * * *", jitter_seconds: 30, watch: true, debounce_ms: 30 });
    assert.deepEqual(b.daemon, { concurrency: 4, brain_idle_seconds: 60, max_open_brains: 8 });
    assert.equal(b.metrics, undefined);
  });

  it("reads the webhook and metrics keys, with their defaults", async () => {
    const b = await loadBootstrap(
      configFile("triggers:\n  webhook:\n    listen: 127.0.0.1:0\ndaemon:\n  concurrency: 8\nmetrics:\n  listen: '[::1]:9464'\n"),
      {},
    );
    assert.deepEqual(b.triggers.webhook, { listen: "127.0.0.1:0", key_secret: "webhook.key", max_body_bytes: 262_144, rate_per_minute: 120 });
    assert.equal(b.triggers.debounce_ms, 30);
    assert.deepEqual(b.daemon, { concurrency: 8, brain_idle_seconds: 60, max_open_brains: 8 });
    assert.deepEqual(b.metrics, { listen: "[::1]:9464", allow_non_loopback: false });
  });

  it("refuses the old bearer token key, a bad listen address and a bad key name, naming the path", async () => {
    const cases: [string, RegExp][] = [
      ["triggers:\n  webhook:\n    listen: 10.0.1.1:8787\n    token_secret: hook.token\n", /triggers\.webhook: .*token_secret/],
      ["triggers:\n  webhook:\n    listen: localhost\n", /triggers\.webhook\.listen: expected host:port/],
      ["triggers:\n  webhook:\n    listen: 10.0.1.1:8787\n    key_secret: ../etc/passwd\n", /triggers\.webhook\.key_secret/],
      ["daemon:\n  concurrency: 0\n", /daemon\.concurrency/],
      ["metrics:\n  listen: 127.0.0.1:9464\n  port: 1\n", /metrics: .*port/],
    ];
    for (const [yaml, message] of cases) {
      await assert.rejects(loadBootstrap(configFile(yaml), {}), (e: Error & { code: string }) => e.code === "E_CONFIG_SCHEMA" && message.test(e.message), yaml);
    }
  });

  it("is refused from the command line with exit 1 and the file named", () => {
    const file = configFile("triggers:\n  webhook:\n    listen: 10.0.1.1:8787\n    token_secret: hook.token\n");
    const r = soulsync(["status", "--config", file]);
    assert.equal(r.status, 1, r.stderr);
    assert.ok(r.stderr.includes(file) && r.stderr.includes("token_secret"), r.stderr);
  });
});

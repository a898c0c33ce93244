// The daemon under faults, as a real child process per DAEMON-SPEC.md: SIGKILL at each step of a
// run and a restart; two daemons on one state directory and stale locks; webhook requests
// unsigned, replayed, oversized, slow and in a flood while the daemon keeps applying pushes.
// The daemon runs a full pass on start and says "ready" after it: each killed daemon is started on
// a converged host (nothing for that pass to do, so it reaches no pause point), then the push it is
// killed in the middle of arrives through the ref watcher, as on a host.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ownPostgres, ownPostgresUnavailable } from "../helpers/own-postgres.js";
import { zombiePid } from "../helpers/zombie.js";
import { type Daemon, pausedAt, startDaemon } from "./helpers/daemon.js";
import { githubPush, rawRequest } from "./helpers/webhook.js";
import { makeWorld, rev, type World } from "./helpers/world.js";

/** A world whose bootstrap arms the daemon's triggers: watch (local origins) or the webhook on an ephemeral port; a rare poll. */
function daemonWorld(o: { watch: boolean; databaseUrl?: string }): World {
  const w = makeWorld({
    agents: { atlas: {}, mevy: {} },
    databaseUrl: o.databaseUrl,
    bootstrap: {
      triggers: {
        watch: o.watch,
        debounce_ms: 30,
        poll: "0 0 1 1 *",
        jitter_seconds: 0,
        webhook: { listen: "127.0.0.1:0", key_secret: "webhook.key", max_body_bytes: 4096, rate_per_minute: 20 },
      },
    },
  });
  // The HMAC key as an operator makes it.
  writeFileSync(join(w.root, "secrets/webhook.key"), execFileSync("openssl", ["rand", "-hex", "32"]));
  return w;
}

const key = (w: World) => Buffer.from(readFileSync(join(w.root, "secrets/webhook.key"), "utf8").trim());
const soul = (w: World) => readFileSync(join(w.work.atlas, "SOUL.md"), "utf8");
const ready = (d: Daemon) => d.waitFor("ready", (e) => e.event === "ready");

/** Runs `fn` with a started daemon, which is killed afterwards whatever happened (a stopped one is left alone). */
async function withDaemon<T>(d: Daemon, fn: (d: Daemon) => Promise<T>): Promise<T> {
  try {
    return await fn(d);
  } finally {
    await d.kill();
  }
}

// The import steps need the brain: a PostgreSQL server of the test's own (the embedded one costs seconds a pass).
const noPg = ownPostgresUnavailable();
const pg = noPg ? undefined : await ownPostgres();
const STEPS = ["fetch", "snapshot", "publish", "import", "import.commit", "render", "render.file#2", "service"];

describe("the daemon killed at each step, then restarted", () => {
  // One host for every step: each scenario leaves it converged, as the next one starts from.
  const w = daemonWorld({ watch: true, databaseUrl: pg?.url });
  const brain = () =>
    pg && {
      live: Number(pg.sql("SELECT count(*) FROM system_brain.memories WHERE agent = 'atlas' AND retired_at IS NULL", "atlas_system_brain")),
      revision: pg.sql("SELECT revision FROM system_ops.applied_revisions WHERE agent = 'atlas' AND step = 'brain-import'", "atlas_system_ops") || null,
    };

  test("first sync", async () => {
    const r = await w.sync();
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  for (const step of STEPS) {
    const name = step.split("#")[0]!;
    const skip = name.startsWith("import") && noPg ? noPg : undefined;
    test(`SIGKILL at ${step}: the restarted daemon serves the last good soul, then completes the run once`, { skip }, async () => {
      const before = { published: w.published("atlas")!, starts: w.sim().services.atlas?.starts ?? 0, mevy: w.sim().services.mevy?.starts ?? 0, brain: brain() };
      const slug = `killed-at-${step.replace(/\W/g, "-")}`;
      let c = "";
      await withDaemon(startDaemon(w.config, w.stateDir, { pauseAt: step }), async (d1) => {
        await ready(d1);
        const from = d1.events.length;
        c = w.push("atlas", {
          [`memories/curated/${slug}.md`]: `---\ntitle: Killed at ${step}\ntopics: [ops]\nimportance: 2\ncreated: 2026-11-01\n---\n\nThe daemon was killed at ${step}.\n`,
          "SOUL.md": `${soul(w)}\nPushed to a daemon killed at ${step}.\n`,
        });
        const at = await pausedAt(d1, (e) => e.event === "run" && e.agent === "atlas", from);
        assert.match(at, new RegExp(`^${name}#`));
      });

      // What the kill left: the last good soul served, never a half-published or half-imported revision.
      assert.equal(w.served("atlas"), rev("main", before.published), "the last good soul is still served");
      const published = w.published("atlas");
      if (["fetch", "snapshot", "publish"].includes(step)) assert.equal(published, before.published, "not published before publish");
      else assert.equal(published, c);
      if (name.startsWith("import")) assert.deepEqual(brain(), before.brain, "the killed import committed nothing");

      const d2 = startDaemon(w.config, w.stateDir);
      await withDaemon(d2, async () => {
        // The restart's first pass completes the run: it is over when the daemon says ready.
        await ready(d2);
        assert.equal(w.served("atlas"), rev("main", c), "the new revision served");
        const s = w.source("atlas");
        assert.equal(s.condition, "Ready", s.message);
        assert.equal(s.live, rev("main", c));
        assert.equal(w.sim().services.atlas?.starts, before.starts + 1, "restarted once for the new revision");
        assert.equal(w.sim().services.mevy?.starts, before.mevy, "the other agent untouched");
        if (before.brain) assert.deepEqual(brain(), { live: before.brain.live + 1, revision: rev("main", c) }, "the new memory once, no partial or doubled rows");
        assert.deepEqual(d2.events.filter((e) => e.event === "run" && e.result === "failed"), [], "no failed run");
        assert.deepEqual(readdirSync(join(w.stateDir, "snapshots")).filter((n) => n.startsWith(".tmp-")), [], "no half-written snapshot left");
        assert.equal(existsSync(join(w.home("atlas"), ".soulsync-render.journal.json")), false, "the render journal was completed");
        await d2.stop();
      });
    });
  }

  // The same host, converged: two daemons on it, then the locks a dead and a zombie owner leave.
  test("two daemons on one state directory: the second refuses with E_DAEMON_RUNNING naming the pid; a dead or zombie owner's lock is taken over", async () => {
    const d1 = startDaemon(w.config, w.stateDir);
    await withDaemon(d1, async () => {
      await ready(d1);
      const d2 = startDaemon(w.config, w.stateDir);
      const end = await d2.exited;
      assert.equal(end.status, 2);
      const said = d2.stderr() + JSON.stringify(d2.events);
      assert.match(said, /E_DAEMON_RUNNING/);
      assert.match(said, new RegExp(`pid ${d1.pid}\\b`));
      assert.equal((await d1.info()).pid, d1.pid, "the refused daemon left the running one's daemon.json alone");
      assert.equal(d1.child.exitCode, null, "the first daemon still runs");
    });

    // Dead owner: the SIGKILLed daemon's lock, socket and daemon.json are left behind.
    assert.equal(readFileSync(join(w.stateDir, "daemon.lock"), "utf8").trim(), String(d1.pid));
    const d3 = startDaemon(w.config, w.stateDir);
    await withDaemon(d3, async () => {
      await ready(d3);
      assert.equal((await d3.info()).pid, d3.pid);
    });

    // Zombie owner.
    const pid = await zombiePid();
    writeFileSync(join(w.stateDir, "daemon.lock"), `${pid}\n`);
    const d4 = startDaemon(w.config, w.stateDir);
    await withDaemon(d4, async () => {
      await ready(d4);
      await d4.stop();
    });
  });
});

describe("webhook requests that must be refused", () => {
  test("unsigned, wrongly signed, replayed, oversized, slow, flood: refused; the daemon up and applying other pushes", async () => {
    // No watcher: what the daemon applies, the webhook (or the socket) asked for.
    const w = daemonWorld({ watch: false });
    const d = startDaemon(w.config, w.stateDir);
    await withDaemon(d, async () => {
      await ready(d);
      const hook = (await d.info()).webhook!;
      const repo = w.bare.atlas;
      // Slow: headers and a first byte, then nothing; the receiver gives up after its 5 s body
      // timeout. Sent first and awaited last: every other request is answered meanwhile.
      const head = `POST /webhook HTTP/1.1\r\nHost: ${hook}\r\nContent-Type: application/json\r\nContent-Length: 100\r\nX-GitHub-Event: push\r\n\r\n`;
      const slow = rawRequest(hook, head, [Buffer.from("{")]).catch((e: Error) => ({ status: -1, body: e.message }));

      assert.equal((await githubPush(hook, repo)).status, 401, "unsigned");
      assert.equal((await githubPush(hook, repo, { key: Buffer.from("not-the-key-not-the-key") })).status, 401, "wrongly signed");
      const c1 = w.push("atlas", { "SOUL.md": `${soul(w)}\nFirst webhook push.\n` });
      const ok = await githubPush(hook, repo, { key: key(w), delivery: "e2e-delivery-1" });
      assert.equal(ok.status, 202, ok.body);
      assert.deepEqual((JSON.parse(ok.body) as { agents: string[] }).agents, ["atlas"]);
      await d.waitFor("the signed push applied", (e) => e.event === "run" && e.agent === "atlas" && e.trigger === "webhook" && e.result === "applied");
      assert.equal(w.served("atlas"), rev("main", c1));
      assert.equal((await githubPush(hook, repo, { key: key(w), delivery: "e2e-delivery-1" })).status, 409, "replayed");
      const big = Buffer.alloc(8192, 0x20);
      assert.equal((await githubPush(hook, repo, { key: key(w) }, big)).status, 413, "oversized");
      const flood = await Promise.all(Array.from({ length: 40 }, () => githubPush(hook, repo)));
      assert.ok(flood.some((r) => r.status === 429), `flood: ${flood.map((r) => r.status).join(" ")}`);
      assert.ok(flood.every((r) => r.status === 429 || r.status === 401), `flood: ${flood.map((r) => r.status).join(" ")}`);

      // Still up, still applying: the next push, while this address is rate limited, asked over the daemon's socket.
      const c2 = w.push("atlas", { "SOUL.md": `${soul(w)}\nAfter the flood.\n` });
      const from = d.events.length;
      const r = await w.sync(["--agent", "atlas"]);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(w.served("atlas"), rev("main", c2));
      await d.waitFor("the daemon's run of it", (e) => e.event === "run" && e.agent === "atlas" && e.trigger === "socket" && e.result === "applied", from);
      assert.equal((await slow).status, 408, "slow");
      assert.equal(d.child.exitCode, null, "the daemon is still running");
      await d.stop();
    });
  });
});

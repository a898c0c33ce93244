// The quick start as an operator runs it: `soulsync demo` (the daemon on demo origins, the sim
// driver and the embedded PostgreSQL) as a real process; a push to a demo soul applied by the ref
// watcher; the webhook, the socket (sync, status, brain) and SIGHUP; one daemon per state dir;
// SIGTERM stops it cleanly.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { soulsync } from "../helpers/cli.js";
import { git } from "../helpers/git.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";
import { soulsyncHeaders } from "../../src/daemon/triggers/webhook-sign.js";
import { startChild } from "./helpers/child.js";
import { send } from "./helpers/http.js";

const WAIT = 180_000;

describe("soulsync daemon (the quick start)", { timeout: 600_000 }, () => {
  const root = tmpDir("soulsync-daemon-");
  const state = join(root, "state");
  const env = { SOULSYNC_CONFIG: join(state, "soulsync.yaml") };
  const d = startChild(["demo", "--state", state, "--webhook", "127.0.0.1:0", "--metrics", "127.0.0.1:0", "--json"]);
  const work = join(root, "atlas");
  let info: { webhook: string; metrics: string; pid: number };

  const pushMemory = (line: string): string => {
    writeTree(work, { "memories/curated/change-window.md": `${readFileSync(join(work, "memories/curated/change-window.md"), "utf8")}\n${line}\n` });
    git(work, "commit", "--quiet", "-am", `memory: ${line}`);
    git(work, "push", "--quiet", "origin", "main");
    return git(work, "rev-parse", "HEAD");
  };

  it("starts: a full pass applies both agents, then it is ready", async () => {
    const ready = await d.waitFor((l) => l.event === "ready", WAIT);
    info = ready as unknown as typeof info;
    const runs = d.lines.filter((l) => l.event === "run");
    assert.deepEqual(runs.map((r) => [r.agent, r.result]).sort(), [["atlas", "applied"], ["mevy", "applied"]]);
    assert.ok(existsSync(join(state, "daemon.sock")));
    assert.equal(JSON.parse(readFileSync(join(state, "daemon.json"), "utf8")).pid, d.proc.pid);
  });

  it("a push to a local bare origin is noticed by the watcher and applied: live is the pushed commit", async () => {
    execFileSync("git", ["clone", "--quiet", join(state, "origins/atlas-soul.git"), work]);
    const from = d.lines.length;
    const commit = pushMemory("Pushed through the watcher.");
    const run = await d.waitFor((l) => l.event === "run" && l.agent === "atlas" && String(l.revision).endsWith(commit), WAIT, from);
    assert.equal(run.result, "applied");
    // The watcher named atlas; a poll that fired at the same moment may have served the push first (coalesced).
    const noticed = d.lines.slice(from).find((l) => l.event === "trigger" && l.kind === "watch");
    assert.deepEqual(noticed?.agents, ["atlas"]);
    assert.equal(run.live, `main@sha1:${commit}`);
    const st = soulsync(["status", "--json"], { env });
    assert.equal(st.status, 0, st.stderr);
    const view = JSON.parse(st.stdout);
    assert.equal(view.daemon.pid, d.proc.pid, "status came from the daemon");
    assert.equal(view.sources["atlas/soul"].live, `main@sha1:${commit}`);
    assert.ok(["watch", "poll"].includes(view.sources["atlas/soul"].lastRun.trigger));
    assert.ok(d.lines.slice(from).every((l) => !(l.event === "run" && l.agent === "mevy")), "only the agent whose origin moved ran");
  });

  it("brain search and stats are answered by the daemon, which holds the embedded database", async () => {
    const r = soulsync(["brain", "search", "watcher", "--agent", "atlas", "--json"], { env });
    assert.equal(r.status, 0, r.stderr);
    const hits = JSON.parse(r.stdout).hits as { path: string }[];
    assert.ok(hits.some((h) => h.path === "memories/curated/change-window.md"), r.stdout);
    const s = soulsync(["brain", "stats", "--agent", "atlas", "--json"], { env });
    assert.equal(s.status, 0, s.stderr);
    assert.match(s.stdout, /through the daemon/);
  });

  it("a signed webhook names the repo and only its agent runs; unsigned and replayed ones are refused", async () => {
    const key = readFileSync(join(state, "secrets/webhook.key"), "utf8").trim();
    const commit = (() => {
      writeTree(work, { "memories/curated/change-window.md": `${readFileSync(join(work, "memories/curated/change-window.md"), "utf8")}\nBy webhook.\n` });
      git(work, "commit", "--quiet", "-am", "memory: webhook");
      // Pushed with the watcher's notice racing the webhook: either serves, the run is one.
      git(work, "push", "--quiet", "origin", "main");
      return git(work, "rev-parse", "HEAD");
    })();
    const body = JSON.stringify({ repo: join(state, "origins/atlas-soul.git") });
    const good = { "content-type": "application/json", ...soulsyncHeaders(Buffer.from(key), Buffer.from(body)) };
    const r = await send(info.webhook, { body, headers: good });
    assert.equal(r.status, 202, r.body);
    assert.deepEqual(JSON.parse(r.body).agents, ["atlas"]);
    assert.equal((await send(info.webhook, { body, headers: { "content-type": "application/json" } })).status, 401);
    assert.equal((await send(info.webhook, { body, headers: good })).status, 409, "a replayed delivery is refused");
    await d.waitFor((l) => l.event === "run" && l.agent === "atlas" && String(l.revision).endsWith(commit));
  });

  it("soulsync sync asks the daemon over its socket and prints the outcome with the usual exit status", () => {
    const r = soulsync(["sync", "--agent", "atlas", "--json"], { env });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.daemon, true);
    assert.equal(out.sources.find((s: { agent: string }) => s.agent === "atlas").condition, "Ready");
  });

  it("a second daemon on the same state directory refuses", () => {
    const r = soulsync(["daemon", "--config", env.SOULSYNC_CONFIG], { env });
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr + r.stdout, /E_DAEMON_RUNNING/);
  });

  it("metrics are served on loopback", async () => {
    const r = await send(info.metrics, { method: "GET", path: "/metrics" });
    assert.equal(r.status, 200);
    assert.match(r.body, /^soulsync_runs_total\{agent="atlas",result="applied"\} [1-9]/m);
    assert.match(r.body, /^soulsync_triggers_total\{kind="watch"\} [1-9]/m);
    assert.match(r.body, /^soulsync_push_to_applied_seconds_count [1-9]/m);
  });

  it("SIGHUP re-reads and runs a full pass; SIGTERM stops it, releasing every lock", async () => {
    const from = d.lines.length;
    d.proc.kill("SIGHUP");
    await d.waitFor((l) => l.event === "reload", WAIT, from);
    const run = await d.waitFor((l) => l.event === "run" && l.agent === "mevy" && l.trigger === "signal", WAIT, from);
    assert.equal(run.result, "unchanged", "nothing changed: the full pass finds mevy in sync");
    d.proc.kill("SIGTERM");
    assert.equal(await d.exited, 0, d.stderr());
    for (const f of ["daemon.lock", "sync.lock", "daemon.sock", "daemon.json"]) assert.ok(!existsSync(join(state, f)), `${f} is gone`);
    const st = soulsync(["status", "--json"], { env });
    assert.equal(JSON.parse(st.stdout).daemon, null, "status falls back to the status file");
  });
});

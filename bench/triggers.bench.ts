// Figures for the daemon's triggers (issue 10), without the pipeline behind them:
//  1. watcher: a ref landing in a local bare origin → the trigger handed to the queue, over 20 pushes;
//  2. webhook: a signed request → 202, over 200 requests on loopback;
//  3. hook: `git push` → the installed post-receive hook's signed notification reaching the queue, 10 pushes.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "../src/daemon/log.js";
import { startWatch } from "../src/daemon/triggers/watch.js";
import { startWebhook } from "../src/daemon/triggers/webhook.js";
import { soulsyncHeaders } from "../src/daemon/triggers/webhook-sign.js";

const ENV = { ...process.env, GIT_AUTHOR_NAME: "b", GIT_AUTHOR_EMAIL: "b@x", GIT_COMMITTER_NAME: "b", GIT_COMMITTER_EMAIL: "b@x", GIT_CONFIG_GLOBAL: "/dev/null" };
const sh = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, env: ENV, encoding: "utf8" }).trim();
const root = mkdtempSync(join(tmpdir(), "soulsync-bench-triggers-"));
const log = createLogger({ json: true, level: "silent" });
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

function repos(name: string): { origin: string; work: string } {
  const origin = join(root, `${name}.git`);
  const work = join(root, `${name}-work`);
  sh(root, "init", "-q", "--bare", origin);
  sh(root, "init", "-q", "--initial-branch=main", work);
  sh(work, "commit", "-q", "--allow-empty", "-m", "first");
  sh(work, "push", "-q", origin, "main");
  return { origin, work };
}

function pushAsync(work: string, origin: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = spawn("git", ["push", "-q", origin, "main"], { cwd: work, env: ENV, stdio: "ignore" });
    c.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`git push exited ${code}`))));
  });
}

/** An onTrigger that resolves the promise `next()` handed out last, with when it was called. */
function arrivals(agents: string[]) {
  let resolveNext: (at: number) => void = () => {};
  return {
    onTrigger: async () => {
      resolveNext(Date.now());
      return agents;
    },
    next: () =>
      new Promise<number>((r) => {
        resolveNext = r;
      }),
  };
}

/** `n` commits pushed one at a time: when each push began, when its ref was written, when the trigger came. */
async function timedPushes(work: string, origin: string, n: number, next: () => Promise<number>) {
  const out: { t0: number; ref: number; at: number }[] = [];
  for (let i = 0; i < n; i++) {
    sh(work, "commit", "-q", "--allow-empty", "-m", `c${i}`);
    const event = next();
    const t0 = Date.now();
    await pushAsync(work, origin);
    const at = await event;
    out.push({ t0, ref: statSync(join(origin, "refs", "heads", "main")).mtimeMs, at });
  }
  return out;
}

async function watcher(): Promise<void> {
  const { origin, work } = repos("watched");
  const signal = arrivals([]);
  const w = await startWatch({ repos: [origin], log, onTrigger: signal.onTrigger });
  const pushes = await timedPushes(work, origin, 20, signal.next);
  const landed = pushes.map((p) => p.at - p.ref);
  const whole = pushes.map((p) => p.at - p.t0);
  await w.close();
  console.log(`watcher (debounce 30 ms): ref written → trigger: ${fmt(landed)}`);
  console.log(`watcher: git push started → trigger: ${fmt(whole)}`);
}

async function webhook(): Promise<void> {
  const key = Buffer.from("b".repeat(64));
  const w = await startWebhook({ listen: "127.0.0.1:0", key, log, ratePerMinute: 100_000, onTrigger: async () => ["atlas"] });
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const body = Buffer.from(JSON.stringify({ repo: "/srv/git/atlas-soul.git", refs: [] }));
    const t0 = process.hrtime.bigint();
    const res = await fetch(`http://${w.address}/hook`, { method: "POST", body, headers: { "content-type": "application/json", ...soulsyncHeaders(key, body) } });
    await res.text();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (res.status !== 202) throw new Error(`webhook answered ${res.status}`);
  }
  await w.close();
  console.log(`webhook: signed request → 202 (keep-alive, loopback): ${fmt(times)}`);
}

async function hook(): Promise<void> {
  const { origin, work } = repos("hooked");
  const keyFile = join(root, "webhook.key");
  execFileSync("sh", ["-c", `umask 077; openssl rand -hex 32 > '${keyFile}'`]);
  const key = Buffer.from(execFileSync("cat", [keyFile], { encoding: "utf8" }).trim());
  const signal = arrivals(["atlas"]);
  const w = await startWebhook({ listen: "127.0.0.1:0", key, log, onTrigger: signal.onTrigger });
  execFileSync(process.execPath, ["bin/soulsync.js", "hook", "install", origin, "--notify", `http://${w.address}/hook`, "--key-file", keyFile]);
  unlinkSync(join(origin, "hooks", "pre-receive")); // the secret scan is measured elsewhere
  const times = (await timedPushes(work, origin, 10, signal.next)).map((p) => p.at - p.t0);
  await w.close();
  console.log(`hook post-receive --notify: git push started → trigger: ${fmt(times)}`);
}

try {
  await watcher();
  await webhook();
  await hook();
} finally {
  rmSync(root, { recursive: true, force: true });
}

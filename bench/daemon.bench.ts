// Figures for the daemon (issue 10), with the daemon as a child process on the sim driver and the
// embedded PostgreSQL (PGlite):
//  1. the quick start's first pass from an empty state directory (target ≤ 6 s);
//  2. push → applied over 20 soul-only pushes (one memory edited) to a local bare origin, by the
//     ref watcher and then by the webhook: p50 and p95 (targets ≤ 400 ms and ≤ 800 ms);
//  3. `brain search` on PGlite as a process, while the daemon holds the database (target ≤ 1 s);
//  4. the idle daemon with 10 agents over 60 s: resident memory and CPU of the daemon and its
//     children (targets ≤ 150 MB, ≤ 1 %);
//  5. 50 agents, one push to each at the same moment: time until all are applied (target ≤ 15 s).
// `BENCH_QUICK=1` shortens 4 to 15 s and 5 to 10 agents; `BENCH_ONLY=push,idle,many` runs only
// those parts (push = 1–3).
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { soulsyncHeaders } from "../src/daemon/triggers/webhook-sign.js";
import { starterSoul } from "../src/soul/starter.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin/soulsync.js");
const QUICK = process.env.BENCH_QUICK === "1";
const ONLY = process.env.BENCH_ONLY?.split(",");
const part = (name: string) => !ONLY || ONLY.includes(name);
const ENV = { ...process.env, GIT_AUTHOR_NAME: "b", GIT_AUTHOR_EMAIL: "b@x", GIT_COMMITTER_NAME: "b", GIT_COMMITTER_EMAIL: "b@x", GIT_CONFIG_GLOBAL: "/dev/null", DATABASE_URL: "", SOULSYNC_DATABASE_URL: "", NO_COLOR: "1" };
const sh = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, env: ENV, encoding: "utf8" }).trim();
const root = mkdtempSync(join(tmpdir(), "soulsync-bench-daemon-"));
const say = (s: string) => console.log(s);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const mark = (ok: boolean) => (ok ? "ok" : "TARGET MISSED");

interface Line {
  event: string;
  time: number;
  [k: string]: unknown;
}

/** The daemon (or demo) as a child; its JSON lines, and a wait for one. */
function daemon(args: string[]) {
  const proc: ChildProcess = spawn(process.execPath, [BIN, ...args, "--json"], { cwd: ROOT, env: ENV, stdio: ["ignore", "pipe", "inherit"] });
  const lines: Line[] = [];
  let buf = "";
  const waiters = new Set<() => void>();
  proc.stdout!.setEncoding("utf8");
  proc.stdout!.on("data", (d: string) => {
    buf += d;
    for (let nl = buf.indexOf("\n"); nl >= 0; nl = buf.indexOf("\n")) {
      try {
        lines.push(JSON.parse(buf.slice(0, nl)));
      } catch {}
      buf = buf.slice(nl + 1);
    }
    for (const w of waiters) w();
  });
  const waitFor = (f: (l: Line) => boolean, ms = 600_000, from = 0) =>
    new Promise<Line>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`timed out; last: ${JSON.stringify(lines.slice(-3))}`)), ms);
      const check = () => {
        const hit = lines.slice(from).find(f);
        if (hit) {
          clearTimeout(t);
          waiters.delete(check);
          resolve(hit);
        }
      };
      waiters.add(check);
      check();
    });
  const stop = () => new Promise<void>((r) => (proc.exitCode !== null ? r() : (proc.once("exit", () => r()), proc.kill("SIGTERM"))));
  return { proc, lines, waitFor, stop };
}

function soulsync(args: string[], env: NodeJS.ProcessEnv): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...ENV, ...env }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`soulsync ${args.join(" ")}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function editMemory(work: string, file: string, n: number): void {
  const p = join(work, file);
  writeFileSync(p, `${readFileSync(p, "utf8")}\nEdit ${n}.\n`);
  sh(work, "commit", "-qam", `edit ${n}`);
}

/** Pushes and waits for the daemon to apply that commit; push start → the run's log line, in ms. */
async function pushAndWait(d: ReturnType<typeof daemon>, work: string, agent: string, after?: () => Promise<void>): Promise<number> {
  const commit = sh(work, "rev-parse", "HEAD");
  const from = d.lines.length;
  const t0 = Date.now();
  sh(work, "push", "-q", "origin", "main");
  parts.push.push(Date.now() - t0);
  await after?.();
  const run = await d.waitFor((l) => l.event === "run" && l.agent === agent && String(l.revision).endsWith(commit), 120_000, from);
  parts.run.push(Number(run.ms));
  return run.time - t0;
}

/** Where push → applied goes: the `git push` itself, and the daemon's trigger → applied (its `ms`). */
const parts = { push: [] as number[], run: [] as number[] };
function sayParts(): void {
  say(`  of which: git push p50 ${pct(parts.push, 50)} ms; the daemon, first trigger event → applied, p50 ${pct(parts.run, 50)} ms, p95 ${pct(parts.run, 95)} ms`);
  parts.push = [];
  parts.run = [];
}

async function quickStartAndPushes(): Promise<void> {
  const state = join(root, "demo");
  const t0 = Date.now();
  const d = daemon(["demo", "--state", state, "--webhook", "127.0.0.1:0", "--metrics", "127.0.0.1:0"]);
  const ready = await d.waitFor((l) => l.event === "ready");
  const first = ready.time - t0;
  say(`quick start, first pass from an empty state directory (npm start = soulsync demo): ${(first / 1000).toFixed(2)} s  (target ≤ 6 s) ${mark(first <= 6000)}`);

  const work = join(root, "atlas");
  sh(root, "clone", "-q", join(state, "origins/atlas-soul.git"), work);
  const file = "memories/curated/change-window.md";
  const N = 20;
  const watch: number[] = [];
  for (let i = 0; i < N; i++) {
    editMemory(work, file, i);
    watch.push(await pushAndWait(d, work, "atlas"));
    process.stdout.write(`\r  watcher push ${i + 1}/${N}`);
  }
  process.stdout.write("\n");
  say(`push → applied, ref watcher, ${N} pushes: p50 ${pct(watch, 50)} ms, p95 ${pct(watch, 95)} ms  (targets ≤ 400 / ≤ 800 ms) ${mark(pct(watch, 50) <= 400 && pct(watch, 95) <= 800)}`);
  sayParts();

  const searches: number[] = [];
  for (let i = 0; i < 5; i++) searches.push(soulsync(["brain", "search", "change window", "--agent", "atlas"], { SOULSYNC_CONFIG: join(state, "soulsync.yaml") }));
  say(`brain search on PGlite as a process, through the daemon: median ${pct(searches, 50).toFixed(0)} ms  (target ≤ 1 s) ${mark(pct(searches, 50) <= 1000)}`);

  // The webhook alone: the same daemon restarted with the watcher off.
  await d.stop();
  const config = join(state, "soulsync.yaml");
  writeFileSync(config, readFileSync(config, "utf8").replace("watch: true", "watch: false"));
  const w = daemon(["daemon", "--config", config]);
  const info = (await w.waitFor((l) => l.event === "ready")) as Line & { webhook: string };
  const key = Buffer.from(readFileSync(join(state, "secrets/webhook.key"), "utf8").trim());
  const body = Buffer.from(JSON.stringify({ repo: join(state, "origins/atlas-soul.git") }));
  const hook: number[] = [];
  for (let i = 0; i < N; i++) {
    editMemory(work, file, 100 + i);
    hook.push(
      await pushAndWait(w, work, "atlas", async () => {
        const [host, port] = [info.webhook.slice(0, info.webhook.lastIndexOf(":")), info.webhook.slice(info.webhook.lastIndexOf(":") + 1)];
        const r = await fetch(`http://${host}:${port}/webhook`, { method: "POST", body, headers: { "content-type": "application/json", ...soulsyncHeaders(key, body) } });
        if (r.status !== 202) throw new Error(`webhook answered ${r.status}`);
      }),
    );
    process.stdout.write(`\r  webhook push ${i + 1}/${N}`);
  }
  process.stdout.write("\n");
  say(`push → applied, webhook, ${N} pushes: p50 ${pct(hook, 50)} ms, p95 ${pct(hook, 95)} ms  (targets ≤ 400 / ≤ 800 ms) ${mark(pct(hook, 50) <= 400 && pct(hook, 95) <= 800)}`);
  sayParts();
  await w.stop();
  const alone: number[] = [];
  for (let i = 0; i < 3; i++) alone.push(soulsync(["brain", "search", "change window", "--agent", "atlas"], { SOULSYNC_CONFIG: config }));
  say(`  (brain search with no daemon running, opening PGlite itself: median ${pct(alone, 50).toFixed(0)} ms)`);
}

/** A host of `n` agents, each with its own soul origin (bare repo), under `dir`; returns the bootstrap path. */
function manyAgents(dir: string, n: number, extra = ""): { config: string; works: string[] } {
  const host = join(dir, "host");
  mkdirSync(join(host, "agents"), { recursive: true });
  const agents: string[] = [];
  const works: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `a${i}`;
    const work = join(dir, "work", name);
    for (const [p, c] of starterSoul({ agent: name, displayName: `A${i}`, today: "2026-01-01" })) {
      mkdirSync(dirname(join(work, p)), { recursive: true });
      writeFileSync(join(work, p), c);
    }
    sh(work, "init", "-q", "--initial-branch=main");
    sh(work, "add", "-A");
    sh(work, "commit", "-qm", "soul");
    sh(dir, "clone", "-q", "--bare", work, join(dir, "origins", `${name}.git`));
    sh(work, "remote", "add", "origin", join(dir, "origins", `${name}.git`));
    works.push(work);
    const base = `10.${100 + Math.floor(i / 200)}.${i % 200}`;
    writeFileSync(
      join(host, "agents", `${name}.env`),
      [`AGENT_NAME=${name}`, `AGENT_SUBNET_BASE=${base}`, `WARDEN_GATEWAY=${base}.1`, `WARDEN_SUBNET=${base}.0/24`, `WARDEN_GIT_IP=${base}.2`, `WARDEN_CMS_IP=${base}.3`, `WARDEN_OLLAMA_IP=${base}.4`, `WARDEN_LLAMA_CPP_IP=${base}.4`, `WARDEN_DB_IP=${base}.5`, "SYSTEM_LOCALE=en_US.UTF-8", ""].join("\n"),
    );
    agents.push(`  - { name: ${name}, env: agents/${name}.env, soul: { url: ${join(dir, "origins", `${name}.git`)} }, harnesses: [pi, codex], brain: { memories: curated, skills: all } }`);
  }
  writeFileSync(join(host, "host.yaml"), ["version: 1", "host: { name: bench, ext_if: vtnet0, bridge: warden0, release: 14.3-RELEASE }", "agents:", ...agents, ""].join("\n"));
  const config = join(dir, "soulsync.yaml");
  writeFileSync(config, `host_repo: { path: host }\nstate_dir: state\nsecrets_dir: secrets\ndriver: sim\ntriggers: { watch: true, poll: "*/5 * * * *" }\n${extra}`);
  return { config, works };
}

/** The pids of `pid` and its descendants (the daemon's embedded-database process among them). */
function tree(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) for (const [c, p] of parent) if (p === out[i]) out.push(c);
  return out;
}

/** Resident memory and CPU seconds of the daemon and its children. */
function sample(pid: number): { rss: number; cpu: number } {
  let rss = 0;
  let cpu = 0;
  for (const p of tree(pid)) {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      const stat = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      cpu += (Number(stat[11]) + Number(stat[12])) / 100; // utime + stime, in clock ticks (100 Hz)
    } catch {}
  }
  return { rss, cpu };
}

async function idleTen(): Promise<void> {
  const dir = join(root, "ten");
  const { config } = manyAgents(dir, 10, "daemon: { brain_idle_seconds: 5 }\n");
  const d = daemon(["daemon", "--config", config]);
  await d.waitFor((l) => l.event === "ready");
  await new Promise((r) => setTimeout(r, 8000)); // the brains close after 5 s idle
  const seconds = QUICK ? 15 : 60;
  const pid = d.proc.pid!;
  const start = sample(pid);
  let peak = start.rss;
  for (let s = 0; s < seconds; s++) {
    await new Promise((r) => setTimeout(r, 1000));
    peak = Math.max(peak, sample(pid).rss);
    process.stdout.write(`\r  idle ${s + 1}/${seconds} s`);
  }
  process.stdout.write("\n");
  const cpu = ((sample(pid).cpu - start.cpu) / seconds) * 100;
  say(`idle daemon, 10 agents, ${seconds} s: peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB, CPU ${cpu.toFixed(2)} %  (targets ≤ 150 MB, ≤ 1 %) ${mark(peak <= 150e6 && cpu <= 1)}`);
  await d.stop();
}

async function fiftyAtOnce(): Promise<void> {
  const n = QUICK ? 10 : 50;
  const dir = join(root, "fifty");
  const { config, works } = manyAgents(dir, n);
  const t0 = Date.now();
  const d = daemon(["daemon", "--config", config]);
  const ready = await d.waitFor((l) => l.event === "ready");
  say(`  ${n} agents: first pass ${((ready.time - t0) / 1000).toFixed(1)} s`);
  for (const [i, w] of works.entries()) editMemory(w, "memories/curated/first-day.md", i);
  const commits = works.map((w) => sh(w, "rev-parse", "HEAD"));
  const from = d.lines.length;
  const t1 = Date.now();
  await Promise.all(works.map((w) => new Promise<void>((r) => spawn("git", ["-C", w, "push", "-q", "origin", "main"], { env: ENV }).on("exit", () => r()))));
  await Promise.all(commits.map((c, i) => d.waitFor((l) => l.event === "run" && l.agent === `a${i}` && String(l.revision).endsWith(c), 600_000, from)));
  const all = Math.max(...d.lines.slice(from).filter((l) => l.event === "run").map((l) => l.time)) - t1;
  say(`${n} agents, one push to each at the same moment: all applied in ${(all / 1000).toFixed(1)} s  (target ≤ 15 s) ${mark(all <= 15000)}`);
  await d.stop();
}

try {
  if (part("push")) await quickStartAndPushes();
  if (part("idle")) await idleTen();
  if (part("many")) await fiftyAtOnce();
} finally {
  rmSync(root, { recursive: true, force: true });
}

// Whole-process wall time of the commands an operator and a git server run most, beside
// `node -e 0` on the same machine, as ratios (issue 17: within 2.5× of node -e 0).
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inRounds, median } from "./rounds.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "soulsync.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TARGET = 2.5;

interface Case {
  name: string;
  argv: string[];
  cwd?: string;
  input?: string;
  env?: NodeJS.ProcessEnv;
}

const tmp = mkdtempSync(join(tmpdir(), "soulsync-startup-"));
const env = { ...process.env, NO_COLOR: "1", SOULSYNC_CONFIG: join(tmp, "soulsync.yaml"), DATABASE_URL: "", SOULSYNC_DATABASE_URL: "" };

/** A state directory with a real status.json (the source side of one sync), and a repo with one push. */
function setUp(): { repo: string; updates: string } {
  // Source paths in host.yaml are relative to the bootstrap file: keep the examples beside it.
  cpSync(join(ROOT, "examples"), join(tmp, "examples"), { recursive: true });
  writeFileSync(env.SOULSYNC_CONFIG!, "host_repo: { path: examples/host }\nstate_dir: state\ndriver: sim\nsteps: []\n");
  process.stdout.write("setting up: one sync of the example host (source side only)… ");
  const r = spawnSync(process.execPath, [BIN, "sync"], { cwd: ROOT, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`sync failed (${r.status}): ${r.stdout}${r.stderr}`);
  const repo = join(tmp, "origin.git");
  const work = join(tmp, "work");
  const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
  git(tmp, "init", "--quiet", "--bare", repo);
  const head = git(ROOT, "rev-parse", "HEAD");
  // The example soul as one commit of its own repo (the soul folder is not a repo by itself).
  cpSync(join(ROOT, "examples/souls/atlas"), work, { recursive: true });
  git(work, "init", "--quiet", "-b", "main");
  git(work, "-c", "user.name=bench", "-c", "user.email=bench@example.org", "add", ".");
  git(work, "-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit", "--quiet", "-m", `atlas at ${head.slice(0, 12)}`);
  git(work, "push", "--quiet", repo, "main");
  const sha = git(repo, "rev-parse", "main");
  console.log("done");
  return { repo, updates: `${"0".repeat(40)} ${sha} refs/heads/main\n` };
}

function once(c: Case): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(c.argv[0]!, c.argv.slice(1), { cwd: c.cwd ?? ROOT, env: c.env ?? env, input: c.input });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${c.name} failed (${r.status}): ${r.stdout}${r.stderr}`);
  return ms;
}

/**
 * Every case once per round, RUNS rounds after one warm-up round (the file cache), so node -e 0 and
 * each command see the same drift (bench/rounds.ts). Median and minimum of each: on a shared
 * machine the minimum is the least disturbed run.
 */
function measureAll(cases: Case[]): Array<{ median: number; min: number }> {
  for (const c of cases) once(c);
  return inRounds(RUNS, cases.map((c) => () => once(c))).map((t) => ({ median: median(t), min: Math.min(...t) }));
}

try {
  const { repo, updates } = setUp();
  const cli = (...args: string[]) => [process.execPath, BIN, ...args];
  const cases: Case[] = [
    { name: "soulsync --version", argv: cli("--version") },
    { name: "soulsync status", argv: cli("status") },
    { name: "soulsync validate examples/souls/atlas", argv: cli("validate", "examples/souls/atlas") },
    { name: "soulsync config check examples/host", argv: cli("config", "check", "examples/host") },
    { name: "soulsync scan examples/souls/atlas", argv: cli("scan", "examples/souls/atlas") },
    { name: "soulsync hook pre-receive (one push)", argv: cli("hook", "pre-receive"), cwd: repo, input: updates, env: { ...env, GIT_DIR: repo } },
    { name: "soulsync hook post-receive (no --notify)", argv: cli("hook", "post-receive"), cwd: repo, input: updates, env: { ...env, GIT_DIR: repo } },
  ];
  console.log(`whole-process wall time, ${RUNS} rounds of every command (after one warm-up round), target ≤ ${TARGET}× node -e 0 (by the median)`);
  const [base, ...results] = measureAll([{ name: "node -e 0", argv: [process.execPath, "-e", "0"] }, ...cases]);
  console.log(`  ${"".padEnd(44)} ${"median".padStart(10)} ${"ratio".padStart(6)} ${"min".padStart(10)} ${"ratio".padStart(6)}`);
  const cell = (ms: number, of: number) => `${ms.toFixed(1).padStart(7)} ms ${(ms / of).toFixed(2).padStart(5)}×`;
  console.log(`  ${"node -e 0".padEnd(44)} ${cell(base!.median, base!.median)} ${cell(base!.min, base!.min)}`);
  let over = 0;
  for (const [k, c] of cases.entries()) {
    const t = results[k]!;
    const ratio = t.median / base!.median;
    if (ratio > TARGET) over++;
    console.log(`  ${c.name.padEnd(44)} ${cell(t.median, base!.median)} ${cell(t.min, base!.min)}${ratio > TARGET ? "  OVER" : ""}`);
  }
  console.log(over === 0 ? `all within ${TARGET}×` : `${over} command(s) over ${TARGET}×`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// CPU time of `soulsync render` for examples/souls/atlas and all six harnesses, beside the CPU time
// of `soulsync --version` (start-up alone), from the built CLI as an operator runs it. Each process
// reports its own user + system time (bench/cpu-usage.mjs), so a busy machine's waiting is not
// counted. Target: render work (render minus --version) ≤ 100 ms, Colibri included after its first
// compile — that is the re-render; the first render into an empty home compiles sql.js' wasm.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inRounds, median } from "./rounds.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const TARGET_MS = 100;
const scratch = mkdtempSync(join(tmpdir(), "soulsync-render-cpu-"));
const report = join(scratch, "cpu");
const env = { ...process.env, SOULSYNC_CPU_REPORT: report, PI_CODING_AGENT_DIR: "", HERMES_HOME: "", CODEX_HOME: "", CLAUDE_CONFIG_DIR: "" };
const REV = ["--revision", "v1.4.0@sha1:1111111111111111111111111111111111111111"];

/** CPU milliseconds of one `soulsync …` process. */
function cpu(args: string[]): number {
  writeFileSync(report, "");
  const r = spawnSync(process.execPath, ["--import", join(ROOT, "bench/cpu-usage.mjs"), join(ROOT, "bin/soulsync.js"), ...args], { env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`soulsync ${args.join(" ")} exited ${r.status}: ${r.stdout}${r.stderr}`);
  return Number(readFileSync(report, "utf8").trim()) / 1000;
}

/** Each case's CPU times by label, from interleaved rounds (bench/rounds.ts). */
function rounds(cases: Array<[string, (i: number) => number]>): Map<string, number[]> {
  const times = inRounds(RUNS, cases.map(([, fn]) => fn));
  return new Map(cases.map(([label], k) => [label, times[k]!]));
}

try {
  const atlas = join(ROOT, "examples/souls/atlas");
  const render = (home: string) => ["render", "--soul", atlas, "--out", home, ...REV];
  const steady = join(scratch, "steady");
  cpu(render(steady));
  console.log(`soulsync CLI, examples/souls/atlas, all harnesses (${RUNS} rounds, each case once per round)`);
  const VERSION = "soulsync --version (start-up)";
  const FIRST = "render into an empty home (sql.js compiled, SQLite written)";
  const AGAIN = "re-render, everything up to date";
  const CHECK = "render --check";
  const r = rounds([
    [VERSION, () => cpu(["--version"])],
    [FIRST, (i) => cpu(render(join(scratch, `first-${i}`)))],
    [AGAIN, () => cpu(render(steady))],
    [CHECK, () => cpu([...render(steady), "--check"])],
  ]);
  const work = (label: string) => median(r.get(label)!.map((t, i) => t - r.get(VERSION)![i]!));
  for (const [label, times] of r) {
    const sorted = [...times].sort((x, y) => x - y);
    console.log(`  ${label.padEnd(60)} median ${median(times).toFixed(0).padStart(4)} ms CPU  (min ${sorted[0]!.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)})`);
  }
  const again = work(AGAIN);
  console.log(`  render work beyond start-up (median of per-round differences): first ${work(FIRST).toFixed(0)} ms, re-render ${again.toFixed(0)} ms, --check ${work(CHECK).toFixed(0)} ms`);
  console.log(`  target ≤ ${TARGET_MS} ms for the re-render: ${again <= TARGET_MS ? "OK" : "OVER"}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

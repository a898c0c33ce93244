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

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = 7;
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

function median(label: string, fn: (i: number) => number): number {
  const times = Array.from({ length: RUNS }, (_, i) => fn(i)).sort((a, b) => a - b);
  const m = times[Math.floor(RUNS / 2)]!;
  console.log(`  ${label.padEnd(52)} median ${m.toFixed(0).padStart(4)} ms CPU  (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)})`);
  return m;
}

try {
  const atlas = join(ROOT, "examples/souls/atlas");
  const render = (home: string) => ["render", "--soul", atlas, "--out", home, ...REV];
  console.log(`soulsync CLI, examples/souls/atlas, all harnesses (${RUNS} runs each)`);
  const start = median("soulsync --version (start-up)", () => cpu(["--version"]));
  const first = median("render into an empty home (sql.js compiled, SQLite written)", (i) => cpu(render(join(scratch, `first-${i}`))));
  const steady = join(scratch, "steady");
  cpu(render(steady));
  const again = median("re-render, everything up to date", () => cpu(render(steady)));
  const check = median("render --check", () => cpu([...render(steady), "--check"]));
  console.log(`  render work beyond start-up: first ${(first - start).toFixed(0)} ms, re-render ${(again - start).toFixed(0)} ms, --check ${(check - start).toFixed(0)} ms`);
  console.log(`  target ≤ ${TARGET_MS} ms for the re-render: ${again - start <= TARGET_MS ? "OK" : "OVER"}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

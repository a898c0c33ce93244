// Rendering examples/souls/atlas for all six harnesses in process (target ≤ 150 ms):
// the pure render alone, a first render into an empty home (files and Colibri's SQLite
// written), and a re-render that finds everything up to date.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { applyHarnesses } from "../src/harness/apply-harnesses.js";
import { harnessPaths } from "../src/harness/paths.js";
import { renderSoul } from "../src/harness/render.js";
import { loadSoul } from "../src/soul/load.js";
import { HARNESSES } from "../src/soul/schema/names.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TARGET_MS = 150;
const RUNS = 30;
const origin = { repo: "https://git.example.org/ops/atlas-soul.git", revision: "v1.4.0@sha1:1111111111111111111111111111111111111111" };

const { soul } = await loadSoul({ dir: join(ROOT, "examples/souls/atlas") });
if (!soul) throw new Error("examples/souls/atlas is not valid");
const scratch = mkdtempSync(join(tmpdir(), "soulsync-bench-"));

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function series(label: string, fn: (i: number) => Promise<unknown> | unknown): Promise<number> {
  await fn(-1); // warm up: JIT, and sql.js compiling its wasm once per process
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await time(() => fn(i)));
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)]!;
  const p90 = times[Math.floor(RUNS * 0.9)]!;
  console.log(`  ${label.padEnd(44)} min ${times[0]!.toFixed(1)} ms  median ${median.toFixed(1)} ms  p90 ${p90.toFixed(1)} ms`);
  return median;
}

const apply = (home: string) => applyHarnesses({ soul, harnesses: HARNESSES, paths: harnessPaths(home), origin, mode: "apply" });

try {
  console.log(`render examples/souls/atlas for ${HARNESSES.length} harnesses in process (${RUNS} runs each)`);
  const cold = await time(() => apply(join(scratch, "cold")));
  console.log(`  ${"first render, cold (sql.js wasm compiled)".padEnd(44)} ${cold.toFixed(1)} ms (one run)`);
  await series("render only (pure, all harnesses)", () => renderSoul(soul, HARNESSES, { origin, paths: harnessPaths("/home/atlas") }));
  const first = await series("first render into an empty home (+ SQLite)", (i) => apply(join(scratch, `first-${i}`)));
  const steady = join(scratch, "steady");
  await apply(steady);
  await series("re-render, already up to date", () => apply(steady));
  console.log(`  target ≤ ${TARGET_MS} ms for a full render: ${first <= TARGET_MS ? "OK" : "OVER"}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// Wall time of `soulsync validate examples/souls/atlas` as a whole process (target ≤ 300 ms).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = 20;
const TARGET_MS = 300;

function once(): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["bin/soulsync.js", "validate", "examples/souls/atlas"], { cwd: ROOT });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`validate failed (${r.status}): ${r.stdout}${r.stderr}`);
  return ms;
}

once(); // warm the file cache
const times = Array.from({ length: RUNS }, once).sort((a, b) => a - b);
const median = times[Math.floor(RUNS / 2)]!;
const p90 = times[Math.floor(RUNS * 0.9)]!;
console.log(`validate examples/souls/atlas (whole process, ${RUNS} runs)`);
console.log(`  min ${times[0]!.toFixed(1)} ms  median ${median.toFixed(1)} ms  p90 ${p90.toFixed(1)} ms  target ≤ ${TARGET_MS} ms  ${median <= TARGET_MS ? "OK" : "OVER"}`);

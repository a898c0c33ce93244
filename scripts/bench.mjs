// Runs every bench/*.bench.ts (or the ones named) one after another; each prints its figures.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const named = process.argv.slice(2);
const files = named.length
  ? named
  : readdirSync("bench")
      .filter((f) => f.endsWith(".bench.ts"))
      .sort()
      .map((f) => `bench/${f}`);
let failed = 0;
for (const [i, file] of files.entries()) {
  console.log(`\n== ${file} (${i + 1} of ${files.length})`);
  const start = Date.now();
  // A bench that hangs after its figures must not stall the run: 20 minutes each at most.
  const r = spawnSync(process.execPath, ["--import", "tsx", file], { stdio: "inherit", timeout: 20 * 60_000 });
  const secs = ((Date.now() - start) / 1000).toFixed(1);
  if (r.status !== 0) failed++;
  console.log(`== ${file}: ${r.status === 0 ? "finished" : r.signal ? `stopped (${r.signal})` : `failed (exit ${r.status})`} in ${secs} s`);
}
process.exit(failed ? 1 : 0);

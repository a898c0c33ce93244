// The longer fuzz run (not part of CI): the suite's fuzzer at FUZZ_RUNS times its CI size.
// `npm run fuzz` (default 20×: about 4,000 property cases per parser and 240 mutated trees),
// `FUZZ_RUNS=100 FUZZ_SEED=7 npm run fuzz` for more, or another seed.
import { spawnSync } from "node:child_process";

const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? "20" };
const started = Date.now();
const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=dot", "test/fuzz/properties.test.ts", "test/fuzz/cli.test.ts"], { stdio: "inherit", env });
console.log(`fuzz: FUZZ_RUNS=${env.FUZZ_RUNS} seed=${env.FUZZ_SEED ?? "20261201"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(r.status ?? 1);

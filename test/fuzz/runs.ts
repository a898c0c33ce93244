// How hard the fuzzer works: a few seconds in CI, longer with FUZZ_RUNS (npm run fuzz).
export const FUZZ_SCALE = Math.max(1, Number(process.env.FUZZ_RUNS ?? "1"));
/** Property runs per parser (fast-check's numRuns). */
export const PROPERTY_RUNS = 200 * FUZZ_SCALE;
/** Mutated trees through the command line. */
export const CLI_CASES = 12 * FUZZ_SCALE;
/** Fixed seed unless FUZZ_SEED says otherwise, so a failure can be replayed. */
export const SEED = Number(process.env.FUZZ_SEED ?? "20261201");

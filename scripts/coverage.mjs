// Line and branch coverage of src/ with c8 (V8 coverage, remapped through source maps: tsx's for
// the test files' imports, tsc's dist/*.js.map for the CLI processes the tests spawn; settings
// in .c8rc.json). `npm run coverage -- test/soul` covers only those tests. Prints c8's summary,
// then the figures per src/ folder (coverage/index.html has the detail).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const c8 = createRequire(import.meta.url).resolve("c8/bin/c8.js");
const run = spawnSync(process.execPath, [c8, process.execPath, "scripts/test.mjs", ...process.argv.slice(2)], { stdio: "inherit" });
const table = spawnSync(process.execPath, ["scripts/coverage-folders.mjs"], { stdio: "inherit" });
process.exit(run.status ?? table.status ?? 1);

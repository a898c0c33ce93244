// Runs every test/**/*.test.ts with node's test runner (TypeScript through tsx).
// `npm test -- test/soul` runs only the files under the given paths; `--quick` runs QUICK, a
// subset that finishes in under a minute: the pure planners, parsers and validators, and the
// CLI's help and man pages (no PostgreSQL, no git servers, no brain, few processes).
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function find(path, out) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name === "fixtures" || name === "node_modules") continue;
      find(join(path, name), out);
    }
  } else if (path.endsWith(".test.ts")) {
    out.push(path);
  }
  return out;
}

const QUICK = [
  "test/soul/frontmatter.test.ts",
  "test/soul/schema.test.ts",
  "test/soul/validate.test.ts",
  "test/config/env-parse.test.ts",
  "test/secrets/engine.test.ts",
  "test/git/units.test.ts",
  "test/git/select.test.ts",
  "test/reconcile/parse.test.ts",
  "test/reconcile/plan.test.ts",
  "test/reconcile/render.test.ts",
  "test/harness/render.test.ts",
  "test/harness/golden.test.ts",
  "test/brain/plan.test.ts",
  "test/brain/policy.test.ts",
  "test/cli/help.test.ts",
  "test/cli/man.test.ts",
  "test/cli/errors-doc.test.ts",
];

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const roots = args.filter((a) => a !== "--quick");
const files = quick ? QUICK : (roots.length ? roots : ["test"]).flatMap((r) => find(r, []));
if (files.length === 0) {
  console.error("no test files found");
  process.exit(1);
}
// Three files at a time on two cores: most files spend their time waiting on the processes,
// git servers and databases they start, and the suite used about 1.2 cores at two.
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=3", ...files],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);

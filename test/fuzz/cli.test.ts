// The black-box fuzzer: mutated souls and host repos through the real command line. Whatever
// the tree holds, the CLI exits 0, 1 or 2, prints no stack trace and no E_INTERNAL, stays within
// a time bound and a small heap, and never prints the secret planted in its input.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { BIN, ROOT } from "../helpers/cli.js";
import { validSoulFiles } from "../helpers/souls.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";
import { HOST_TARGETS, MUTATIONS, PLANTED, SOUL_TARGETS } from "./mutations.js";
import { CLI_CASES, SEED } from "./runs.js";

/** Generous: the slowest honest answer (10,000 files on a busy machine) takes a few seconds. */
const TIME_BOUND_MS = 60_000;
/** A heap this small turns any blow-up into a crash, which the exit-status check then catches. */
const HEAP_MB = 256;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1", SOULSYNC_DEBUG: "", DATABASE_URL: "", SOULSYNC_CONFIG: "/nonexistent/soulsync.yaml" },
    encoding: "utf8",
    timeout: TIME_BOUND_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  return { status: r.status, out: `${r.stdout ?? ""}${r.stderr ?? ""}`, error: r.error };
}

function assertContract(args: string[], what: string) {
  const r = run(args);
  assert.equal(r.error, undefined, `${what}: ${r.error?.message} (hang or runaway output)`);
  assert.ok(r.status === 0 || r.status === 1 || r.status === 2, `${what}: exit ${r.status}\n${r.out.slice(0, 2000)}`);
  assert.doesNotMatch(r.out, /\n\s+at .+:\d+:\d+\)?\n|FATAL ERROR|heap out of memory/, `${what}: a stack trace\n${r.out.slice(0, 2000)}`);
  assert.doesNotMatch(r.out, /E_INTERNAL/, `${what}: an internal error\n${r.out.slice(0, 2000)}`);
  assert.ok(!r.out.includes(PLANTED), `${what}: the planted secret is printed`);
  return r;
}

type Case = { kind: "soul" | "host"; steps: { mutation: number; target: number }[] };
const caseArb = fc.record({
  kind: fc.constantFrom<"soul" | "host">("soul", "host"),
  steps: fc.array(fc.record({ mutation: fc.nat(MUTATIONS.length - 1), target: fc.nat(20) }), { minLength: 1, maxLength: 3 }),
});

describe(`CLI over ${CLI_CASES} mutated trees (seed ${SEED})`, () => {
  const cases: Case[] = fc.sample(caseArb, { numRuns: CLI_CASES, seed: SEED });
  // Every mutation at least once, whatever the sample drew.
  for (const i of MUTATIONS.keys()) cases.push({ kind: i % 2 === 0 ? "soul" : "host", steps: [{ mutation: i, target: i }] });
  for (const [n, c] of cases.entries()) {
    const targets = c.kind === "soul" ? SOUL_TARGETS : HOST_TARGETS;
    const label = `${n} ${c.kind}: ${c.steps.map((s) => `${MUTATIONS[s.mutation]!.name}@${targets[s.target % targets.length]}`).join(" + ")}`;
    it(label, () => {
      const root = tmpDir("soulsync-fuzz-");
      const dir = join(root, c.kind);
      if (c.kind === "soul") {
        writeTree(dir, { ...validSoulFiles(), "skills/x/SKILL.md": "---\nname: x\ndescription: d\n---\nSteps.\n" });
      } else cpSync(join(ROOT, "examples/host"), dir, { recursive: true });
      for (const s of c.steps) MUTATIONS[s.mutation]!.apply(dir, targets[s.target % targets.length]!);
      if (c.kind === "soul") {
        assertContract(["validate", dir], "validate");
        assertContract(["render", "--soul", dir, "--harness", "all", "--out", join(root, "out"), "--dry-run"], "render");
      } else {
        assertContract(["config", "check", dir], "config check");
      }
    });
  }
});

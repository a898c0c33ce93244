// Conformance with Pi's own loader: @mariozechner/pi-coding-agent (pinned in package.json) is
// installed as a dev dependency and its DefaultResourceLoader — the code `pi` runs at start-up — is
// pointed at a home soulsync rendered. It must find the rendered AGENTS.md, the persona in
// APPEND_SYSTEM.md and every skill, with no diagnostics, even with every other harness rendered
// into the same home (Codex, OpenClaw and Claude Code folders included).
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { DefaultResourceLoader } from "@mariozechner/pi-coding-agent";
import { applyHarnesses } from "../../../src/harness/apply-harnesses.js";
import { detectVersions } from "../../../src/harness/detect.js";
import { harnessPaths } from "../../../src/harness/paths.js";
import { loadSoul } from "../../../src/soul/load.js";
import type { Soul } from "../../../src/soul/model.js";
import { HARNESSES } from "../../../src/soul/schema/names.js";
import { ROOT } from "../../helpers/cli.js";
import { tmpDir } from "../../helpers/tmp.js";
import { ORIGIN, soulFiles, soulFrom } from "../helpers.js";

const PI_VERSION = (JSON.parse(readFileSync(join(ROOT, "node_modules/@mariozechner/pi-coding-agent/package.json"), "utf8")) as { version: string }).version;

/** Renders `soul` for every harness into a fresh home with a project folder; Pi's home is HOME. */
async function renderedHome(soul: Soul, setup?: (home: string, project: string) => void) {
  const home = tmpDir("soulsync-pi-");
  const project = join(home, "clawdie");
  mkdirSync(project, { recursive: true });
  setup?.(home, project);
  const r = await applyHarnesses({ soul, harnesses: HARNESSES, paths: harnessPaths(home), origin: ORIGIN, mode: "apply", projectDir: project });
  assert.deepEqual(r.problems.filter((p) => p.severity === "error"), []);
  return { home, project, problems: r.problems };
}

/** What Pi's resource loader loads for a session in `project`. Pi reads ~/.agents/skills from $HOME. */
async function piLoads(home: string, project: string) {
  const before = process.env.HOME;
  process.env.HOME = home;
  try {
    const loader = new DefaultResourceLoader({ cwd: project, agentDir: join(home, ".pi/agent"), noExtensions: true, noThemes: true, noPromptTemplates: true });
    await loader.reload();
    return { agents: loader.getAgentsFiles().agentsFiles, append: loader.getAppendSystemPrompt(), ...loader.getSkills() };
  } finally {
    process.env.HOME = before;
  }
}

describe(`Pi ${PI_VERSION}: its own resource loader on a rendered home`, async () => {
  const { soul } = await loadSoul({ dir: join(ROOT, "examples/souls/atlas") });
  assert.ok(soul);

  it("finds the rendered AGENTS.md, the persona and every skill, with no diagnostics", async () => {
    const { home, project } = await renderedHome(soul);
    const pi = await piLoads(home, project);
    assert.deepEqual(pi.agents, [{ path: join(home, ".pi/agent/AGENTS.md"), content: readFileSync(join(home, ".pi/agent/AGENTS.md"), "utf8") }]);
    assert.deepEqual(pi.append, [readFileSync(join(home, ".pi/agent/APPEND_SYSTEM.md"), "utf8")]);
    assert.match(pi.append[0]!, /# Soul|Atlas/);
    assert.deepEqual(pi.skills.map((s) => s.name).sort(), soul.skills.map((s) => s.name).sort());
    assert.ok(pi.skills.every((s) => s.filePath.startsWith(join(home, ".pi/agent/skills/"))), "from Pi's own folder");
    assert.deepEqual(pi.diagnostics, []);
  });

  it("reports a collision when the shared ~/.agents/skills holds the same skill (the old Codex layout), as soulsync warns", async () => {
    const { home, project, problems } = await renderedHome(soul, (h) => cpSync(join(ROOT, "examples/souls/atlas/skills/pf-change"), join(h, ".agents/skills/pf-change"), { recursive: true }));
    const pi = await piLoads(home, project);
    assert.deepEqual(pi.diagnostics.filter((d) => d.type === "collision").map((d) => d.collision?.name), ["pf-change"]);
    assert.ok(problems.some((p) => p.code === "W_RENDER_SKILL_COLLISION" && p.message.startsWith('pi finds skill "pf-change"')));
  });

  it("loads no skill a skills_audience leaves Pi out of, though Codex and OpenClaw get theirs", async () => {
    const closed = await soulFrom(
      soulFiles({ privacy: { user_context: "none", memories: "none", skills: "all", skills_audience: ["codex", "openclaw", "claude-code"] } }),
    );
    const { home, project } = await renderedHome(closed);
    const pi = await piLoads(home, project);
    assert.deepEqual(pi.skills, []);
    assert.deepEqual(pi.diagnostics, []);
    assert.ok(readFileSync(join(home, ".codex/skills/daily-summary/SKILL.md"), "utf8"));
  });

  it("takes a project's .pi/APPEND_SYSTEM.md instead of the persona, which soulsync names", async () => {
    const { home, project, problems } = await renderedHome(soul, (_h, p) => {
      mkdirSync(join(p, ".pi"));
      writeFileSync(join(p, ".pi/APPEND_SYSTEM.md"), "Project persona.\n");
    });
    const pi = await piLoads(home, project);
    assert.deepEqual(pi.append, ["Project persona.\n"]);
    assert.ok(problems.some((p) => p.code === "W_RENDER_SHADOWED" && p.file === "clawdie/.pi/APPEND_SYSTEM.md"));
  });

  it("answers soulsync's version detection: the installed pi binary's --version is its package's version", async () => {
    const found = await detectVersions(["pi"], {}, { PATH: join(ROOT, "node_modules/.bin") });
    assert.deepEqual([found.pi?.version, found.pi?.from], [PI_VERSION, "detected"]);
  });
});

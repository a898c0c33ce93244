// Who reads what, end to end on a real home directory: the shared ~/.agents/skills is left to its
// owners, names a harness would see twice are reported, project files that replace the rendered
// soul are named, and the versions rendered for are recorded.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { applyHarnesses } from "../../src/harness/apply-harnesses.js";
import { harnessPaths } from "../../src/harness/paths.js";
import { readersOf, skillRoots } from "../../src/harness/readers.js";
import type { Soul } from "../../src/soul/model.js";
import type { HarnessName } from "../../src/soul/schema/names.js";
import { tmpDir } from "../helpers/tmp.js";
import { ORIGIN, soulFiles, soulFrom } from "./helpers.js";

const run = (soul: Soul, home: string, harnesses: HarnessName[], extra: { projectDir?: string } = {}) =>
  applyHarnesses({ soul, harnesses, paths: harnessPaths(home), origin: ORIGIN, mode: "apply", ...extra });

const SKILL = "---\nname: daily-summary\ndescription: Someone else's copy.\n---\n\nOther.\n";

describe("who reads what", () => {
  it("knows that Pi, Codex and OpenClaw all read ~/.agents/skills, and only Codex reads $CODEX_HOME/skills", () => {
    const p = harnessPaths("/home/atlas");
    const roots = skillRoots(p, undefined, {});
    assert.deepEqual(readersOf("/home/atlas/.agents/skills", roots), ["pi", "codex", "openclaw"]);
    assert.deepEqual(readersOf("/home/atlas/.codex/skills", roots), ["codex"]);
    assert.deepEqual(readersOf("/home/atlas/.pi/agent/skills", roots), ["pi"]);
  });

  it("moves Codex skills an older render left in ~/.agents/skills to $CODEX_HOME/skills", async () => {
    const home = tmpDir();
    const soul = await soulFrom(soulFiles());
    await run(soul, home, ["codex"]);
    // The layout of the renders before this one: Codex's skills in the shared folder.
    mkdirSync(join(home, ".agents/skills"), { recursive: true });
    renameSync(join(home, ".codex/skills/daily-summary"), join(home, ".agents/skills/daily-summary"));
    const mf = join(home, ".soulsync-render.json");
    const m = JSON.parse(readFileSync(mf, "utf8"));
    m.files[".agents/skills/daily-summary/SKILL.md"] = m.files[".codex/skills/daily-summary/SKILL.md"];
    delete m.files[".codex/skills/daily-summary/SKILL.md"];
    writeFileSync(mf, JSON.stringify(m));
    const r = await run(soul, home, ["codex"]);
    assert.deepEqual(r.problems.filter((p) => p.severity === "error"), []);
    assert.deepEqual(
      r.applied.filter((a) => a.kind !== "file.adopt").map((a) => [a.kind, "path" in a ? a.path : ""]),
      [
        ["file.write", ".codex/skills/daily-summary/SKILL.md"],
        ["file.remove", ".agents/skills/daily-summary/SKILL.md"],
      ],
    );
  });

  it("reports a skill name a rendered harness would find twice", async () => {
    const home = tmpDir();
    mkdirSync(join(home, ".agents/skills/daily-summary"), { recursive: true });
    writeFileSync(join(home, ".agents/skills/daily-summary/SKILL.md"), SKILL);
    const r = await run(await soulFrom(soulFiles()), home, ["pi", "codex", "openclaw", "hermes"]);
    const seen = r.problems.filter((p) => p.code === "W_RENDER_SKILL_COLLISION");
    assert.deepEqual(
      seen.map((p) => [p.file, p.message.split(" ")[0]]),
      [
        [".pi/agent/skills/daily-summary", "pi"],
        [".codex/skills/daily-summary", "codex"],
        [".openclaw/workspace/skills/daily-summary", "openclaw"],
      ],
    );
    assert.match(seen[0]!.message, /in \.pi\/agent\/skills\/daily-summary and \.agents\/skills\/daily-summary/);
  });

  it("warns about a project file that replaces the rendered persona", async () => {
    const home = tmpDir();
    const project = join(home, "clawdie");
    mkdirSync(join(project, ".pi"), { recursive: true });
    writeFileSync(join(project, ".pi/APPEND_SYSTEM.md"), "Project persona.\n");
    mkdirSync(join(project, ".pi/skills/daily-summary"), { recursive: true });
    writeFileSync(join(project, ".pi/skills/daily-summary/SKILL.md"), SKILL);
    const r = await run(await soulFrom(soulFiles()), home, ["pi"], { projectDir: project });
    assert.deepEqual(
      r.problems.filter((p) => p.severity === "warning").map((p) => [p.file, p.code]),
      [
        ["clawdie/.pi/APPEND_SYSTEM.md", "W_RENDER_SHADOWED"],
        ["clawdie/.pi/skills/daily-summary", "W_RENDER_SKILL_COLLISION"],
      ],
    );
    assert.match(r.problems[0]!.message, /Pi reads this file instead of the rendered \.pi\/agent\/APPEND_SYSTEM\.md/);
  });

  it("records the versions it rendered for in the manifest", async () => {
    const home = tmpDir();
    await applyHarnesses({
      soul: await soulFrom(soulFiles()),
      harnesses: ["pi", "codex"],
      paths: harnessPaths(home),
      origin: ORIGIN,
      mode: "apply",
      versions: { codex: { version: "0.98.0", from: "host.yaml" } },
    });
    const m = JSON.parse(readFileSync(join(home, ".soulsync-render.json"), "utf8"));
    assert.deepEqual(m.versions, { codex: { version: "0.98.0", from: "host.yaml" }, pi: { version: null, from: "assumed" } });
  });
});

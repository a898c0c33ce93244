// Every rendered SKILL.md meets the Agent Skills rules (name, folder, description, fields), in every
// harness's layout, provenance line included; and the rules catch what they are meant to.
import assert from "node:assert/strict";
import { basename, dirname, join } from "node:path";
import { describe, it } from "node:test";
import { renderSoul } from "../../src/harness/render.js";
import { checkSkillSpec } from "../../src/harness/skill-spec.js";
import { loadSoul } from "../../src/soul/load.js";
import { HARNESSES } from "../../src/soul/schema/names.js";
import { ROOT } from "../helpers/cli.js";
import { ctxFor, decode, HOME } from "./helpers.js";

describe("Agent Skills rules", async () => {
  const { soul } = await loadSoul({ dir: join(ROOT, "examples/souls/atlas") });
  assert.ok(soul);

  it("holds for every SKILL.md rendered from atlas, for every harness", () => {
    const r = renderSoul(soul, HARNESSES, ctxFor(HOME));
    const skillMds = r.harnesses.flatMap((h) => h.files).filter((f) => f.path.endsWith("/SKILL.md"));
    assert.equal(skillMds.length, soul.skills.length * 5, "pi, hermes, codex, claude-code, openclaw");
    for (const f of skillMds) assert.deepEqual(checkSkillSpec(decode(f.content), basename(dirname(f.path))), [], f.path);
    assert.deepEqual(r.problems.filter((p) => p.code === "E_RENDER_SKILL_SPEC"), []);
  });

  const cases: Array<[string, string, string, RegExp]> = [
    ["no front matter", "# x\n", "x", /must start with YAML front matter/],
    ["unclosed", "---\nname: x\n", "x", /not closed/],
    ["a list", "---\n- a\n---\n", "x", /YAML mapping/],
    ["unknown field", "---\nname: x\ndescription: d\nversion: 2\n---\n", "x", /unexpected front matter fields: version/],
    ["upper case", "---\nname: Pdf\ndescription: d\n---\n", "Pdf", /lowercase/],
    ["double hyphen", "---\nname: a--b\ndescription: d\n---\n", "a--b", /single-hyphen/],
    ["folder mismatch", "---\nname: a\ndescription: d\n---\n", "b", /folder "b" must match name "a"/],
    ["empty description", "---\nname: a\ndescription: ''\n---\n", "a", /description must be a non-empty string/],
    ["long description", `---\nname: a\ndescription: ${"d".repeat(1025)}\n---\n`, "a", /longer than 1,024/],
    ["long compatibility", `---\nname: a\ndescription: d\ncompatibility: ${"c".repeat(501)}\n---\n`, "a", /compatibility/],
    ["nested metadata", "---\nname: a\ndescription: d\nmetadata:\n  x:\n    y: 1\n---\n", "a", /metadata must map strings to strings/],
  ];
  for (const [what, text, dir, re] of cases) {
    it(`refuses ${what}`, () => assert.match(checkSkillSpec(text, dir).join("; "), re));
  }
});

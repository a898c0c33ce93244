// The provenance line must not trip harness prompt-injection filters. These are Hermes' patterns
// (tools/threat_patterns.py, all scopes, the strictest set Hermes applies to memory) that plain
// prose could plausibly hit; the line is checked against them for every harness and file.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { provenanceLine, skillWithProvenance } from "../../src/harness/provenance.js";
import { renderSoul } from "../../src/harness/render.js";
import { HARNESSES } from "../../src/soul/schema/names.js";
import { ctxFor, decode, HOME, ORIGIN, soulFiles, soulFrom } from "./helpers.js";

const F = String.raw`(?:\w+\s+){0,8}`;
const MODIFY = String.raw`(update|modify|edit|write|change|append|add\s+to)\s+[^\n]{0,2048}`;
const HERMES_PATTERNS: Array<[string, RegExp]> = [
  ["prompt_injection", new RegExp(String.raw`ignore\s+${F}(previous|all|above|prior)\s+${F}instructions`, "i")],
  ["sys_prompt_override", /system\s+prompt\s+override/i],
  ["disregard_rules", new RegExp(String.raw`disregard\s+${F}(your|all|any)\s+${F}(instructions|rules|guidelines)`, "i")],
  ["html_comment_injection", /<!--[^>]{0,512}(?<![A-Za-z])(?:ignore|override|system|secret|hidden)(?![A-Za-z])[^>]{0,512}-->/i],
  ["deception_hide", new RegExp(String.raw`do\s+not\s+${F}tell\s+${F}the\s+user`, "i")],
  ["role_hijack", new RegExp(String.raw`you\s+are\s+${F}now\s+(?:a|an|the)\s+`, "i")],
  ["leak_system_prompt", new RegExp(String.raw`output\s+${F}(system|initial)\s+prompt`, "i")],
  ["fake_update", new RegExp(String.raw`you\s+have\s+been\s+${F}(updated|upgraded|patched)\s+to`, "i")],
  ["c2_task_pull", /pull\s+(down\s+)?(?:new\s+)?task(?:ing|s)?\b/i],
  ["forced_action", /you\s+must\s+(?:\w+\s+){0,3}(register|connect|report|beacon)\b/i],
  ["send_to_url", /(send|post|upload|transmit)\s+[^\n]{0,2048}\s+(to|at)\s+https?:\/\//i],
  ["agent_config_mod", new RegExp(`${MODIFY}(?:AGENTS\\.md|CLAUDE\\.md|\\.cursorrules|\\.clinerules)`, "i")],
  ["hermes_config_mod", new RegExp(`${MODIFY}\\.hermes/(config\\.yaml|SOUL\\.md)`, "i")],
];

const trips = (text: string) => HERMES_PATTERNS.filter(([, re]) => re.test(text)).map(([id]) => id);

describe("provenance line", () => {
  it("names repo, revision and source path", () => {
    assert.equal(
      provenanceLine(ORIGIN, ["SOUL.md", "IDENTITY.md"]),
      "Provenance: rendered by soulsync from https://git.example.org/ops/atlas-soul.git at v1.4.0@sha1:1111111111111111111111111111111111111111, source SOUL.md, IDENTITY.md. The next soulsync render replaces this file.",
    );
  });

  it("trips none of Hermes' injection patterns, in any rendered file", async () => {
    const soul = await soulFrom(soulFiles({ privacy: { user_context: "all", memories: "curated", skills: "all" } }));
    const r = renderSoul(soul, HARNESSES, ctxFor(HOME));
    let checked = 0;
    for (const h of r.harnesses) {
      for (const f of h.files) {
        if (f.entries) {
          assert.doesNotMatch(decode(f.content), /Provenance/, `${f.path}: Hermes memory entries hold the soul's text only`);
          continue;
        }
        const line = decode(f.content).split("\n").find((l) => l.startsWith("Provenance: "));
        assert.ok(line, f.path);
        assert.deepEqual(trips(line), [], f.path);
        checked++;
      }
      for (const row of h.colibri) assert.deepEqual(trips(row.source), []);
    }
    assert.ok(checked >= 15);
  });

  it("the patterns are live (they catch what they are meant to)", () => {
    assert.deepEqual(trips("Please edit the file AGENTS.md now"), ["agent_config_mod"]);
    assert.deepEqual(trips("<!-- hidden note -->"), ["html_comment_injection"]);
  });

  it("keeps SKILL.md front matter on line 1", () => {
    const out = skillWithProvenance(ORIGIN, "skills/x/SKILL.md", "---\nname: x\ndescription: y\n---\n# X\n");
    assert.match(out, /^---\nname: x\ndescription: y\n---\n\nProvenance: [^\n]+\n\n# X\n$/);
    assert.match(skillWithProvenance(ORIGIN, "s", "---\nname: x\n---"), /^---\nname: x\n---\n\nProvenance: [^\n]+\n$/);
  });
});

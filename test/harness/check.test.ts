// validate's harness checks: budgets counted by the renderers (warnings, only for the harnesses the
// manifest turns on) and text Hermes would block (errors at the soul's file:line).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkSoulForHarnesses } from "../../src/harness/check.js";
import { soulFiles, soulFrom } from "./helpers.js";

const BIG_SOUL = `# Soul\n\n${"Calm, exact, brief. ".repeat(1100)}\n`;

describe("checkSoulForHarnesses", () => {
  it("warns about budgets only for the harnesses the manifest turns on, with the render's figure", async () => {
    const all = checkSoulForHarnesses(await soulFrom(soulFiles({}, { "SOUL.md": BIG_SOUL })));
    assert.deepEqual(all.filter((p) => p.code === "W_RENDER_BUDGET").map((p) => [p.file, p.severity]), [
      [".hermes/SOUL.md", "warning"],
      [".openclaw/workspace/SOUL.md", "warning"],
    ]);
    const codexOnly = checkSoulForHarnesses(await soulFrom(soulFiles({ adapters: { codex: { enabled: true } } }, { "SOUL.md": BIG_SOUL })));
    assert.deepEqual(codexOnly, [], "Codex puts no cap on its global AGENTS.md; Hermes and OpenClaw are off");
  });

  it("makes text Hermes would block an error at the soul's own line, only while Hermes is on", async () => {
    const files = { "AGENTS.md": "# Rules\n\n- Be careful.\n- Check in with the on-call DBA before a failover.\n" };
    const on = checkSoulForHarnesses(await soulFrom(soulFiles({}, files)));
    assert.deepEqual(on.map((p) => [p.file, p.line, p.column, p.code, p.severity]), [["AGENTS.md", 4, 3, "E_RENDER_HERMES_BLOCKED", "error"]]);
    assert.match(on[0]!.message, /c2-check-in/);
    const off = checkSoulForHarnesses(await soulFrom(soulFiles({ adapters: { pi: { enabled: true } } }, files)));
    assert.deepEqual(off, []);
  });
});

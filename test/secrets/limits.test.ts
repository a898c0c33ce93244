// README (scan): "more than 1000 findings in one file add a too-many-findings summary" — a real
// file with 1,001 distinct checksummed tokens, scanned by the built binary.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { soulsync } from "../helpers/cli.js";
import { tmpDir } from "../helpers/tmp.js";
import { checksummedToken, seeded } from "./corpus/random.js";

describe("a file with more than 1000 findings", () => {
  it("reports the first 1000 and a too-many-findings summary for the file", () => {
    const rng = seeded(1001);
    const lines = Array.from({ length: 1001 }, (_, i) => `TOKEN_${i}=${checksummedToken(rng, "ghp_")}`);
    const dir = tmpDir("soulsync-scan-");
    writeFileSync(join(dir, "many.env"), `${lines.join("\n")}\n`);
    const r = soulsync(["scan", dir, "--json"]);
    assert.equal(r.status, 1, r.stderr);
    const findings = (JSON.parse(r.stdout) as { findings: { file: string; line: number; rule: string }[] }).findings;
    const summary = findings.filter((f) => f.rule === "too-many-findings");
    assert.equal(summary.length, 1, "one summary");
    assert.deepEqual([summary[0]!.file, summary[0]!.line], ["many.env", 0], "for the whole file (line 0)");
    const tokens = findings.filter((f) => f.rule === "github-pat");
    assert.ok(tokens.length <= 1000, `${tokens.length} token findings`);
    assert.ok(!r.stdout.includes(lines[0]!.split("=")[1]!), "never the secret itself");
  });

  it("exactly 1000 findings need no summary", () => {
    const rng = seeded(1000);
    const dir = tmpDir("soulsync-scan-");
    writeFileSync(join(dir, "many.env"), `${Array.from({ length: 1000 }, (_, i) => `TOKEN_${i}=${checksummedToken(rng, "ghp_")}`).join("\n")}\n`);
    const findings = (JSON.parse(soulsync(["scan", dir, "--json"]).stdout) as { findings: { rule: string }[] }).findings;
    assert.equal(findings.filter((f) => f.rule === "too-many-findings").length, 0);
    assert.equal(findings.length, 1000);
  });
});

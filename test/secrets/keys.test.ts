// Private keys written by the real tools are found by their structure in any file and wrapping
// (plain, pasted into a memory, a JSON string, a YAML block); their public halves, certificates
// and requests are not findings.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { scanFiles } from "../../src/secrets/api.js";
import { realKeySamples, TOOLS } from "./real-keys.js";

const samples = realKeySamples();
const enc = (s: string) => new TextEncoder().encode(s);

/** The sample in the places a key ends up in a soul repo, with the line its block starts on. */
function wrappings(text: string): Array<{ path: string; data: Uint8Array; line: number }> {
  const begin = text.split("\n").findIndex((l) => /BEGIN [A-Z0-9 ]*PRIVATE KEY|^PuTTY-User-Key-File/.test(l)) + 1;
  const indented = text.trimEnd().split("\n").map((l) => `    ${l}`).join("\n");
  return [
    { path: "notes/backup.txt", data: enc(text), line: begin },
    { path: "memories/curated/ops.md", data: enc(`---\ntitle: Host access\n---\n\nThe deploy key:\n\n\`\`\`\n${text}\`\`\`\n`), line: begin + 7 },
    { path: "config/deploy.json", data: enc(`{\n  "name": "deploy",\n  "key": ${JSON.stringify(text)}\n}\n`), line: 3 },
    { path: "config/deploy.yaml", data: enc(`name: deploy\nkey: |\n${indented}\n`), line: begin + 2 },
  ];
}

describe("private keys from the real tools", () => {
  it("has every tool (ssh-keygen, openssl, gpg, puttygen) or says which is missing", () => {
    const missing = Object.entries(TOOLS).filter(([, ok]) => !ok).map(([t]) => t);
    if (missing.length > 0 && process.env.CI === "true") assert.fail(`missing tools: ${missing.join(", ")}`);
  });

  for (const s of samples.filter((x) => x.rule)) {
    it(`finds ${s.name} as ${s.rule} in every wrapping`, () => {
      for (const w of wrappings(s.text)) {
        const findings = scanFiles([w]).findings;
        assert.ok(
          findings.some((f) => f.rule === s.rule && f.line === w.line),
          `${w.path}: want ${s.rule} at line ${w.line}, got ${findings.map((f) => `${f.line} ${f.rule}`).join(", ") || "nothing"}`,
        );
      }
    });
  }

  for (const s of samples.filter((x) => !x.rule)) {
    it(`reports nothing for ${s.name}`, () => {
      for (const w of wrappings(s.text)) assert.deepEqual(scanFiles([w]).findings, [], w.path);
    });
  }

  it("reports stand-ins for keys as nothing", () => {
    const standIns = [
      "-----BEGIN PRIVATE KEY-----\nanything\n-----END PRIVATE KEY-----\n",
      "-----BEGIN OPENSSH PRIVATE KEY----------END OPENSSH PRIVATE KEY-----\n",
      "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----\n",
      `-----BEGIN OPENSSH PRIVATE KEY-----\n${"A".repeat(70)}\n${"A".repeat(70)}\n-----END OPENSSH PRIVATE KEY-----\n`,
      `-----BEGIN PRIVATE KEY-----\n<your private key here>\n-----END PRIVATE KEY-----\n`,
    ];
    for (const text of standIns) assert.deepEqual(scanFiles([{ path: "docs/keys.md", data: enc(text) }]).findings, [], text);
  });
});

// Rules the generated corpus does not place: Slack's other token kinds (xoxa/xoxr/xoxs/xoxe),
// GitLab pipeline trigger tokens, and PuTTY private keys — the last made by the real puttygen.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { scanFiles } from "../../src/secrets/api.js";
import { tmpDir } from "../helpers/tmp.js";
import { ALNUM, HEX, seeded } from "./corpus/random.js";

const rulesIn = (path: string, text: string) => scanFiles([{ path, data: new TextEncoder().encode(text) }]).findings.map((f) => f.rule);
const rng = seeded(77);

const hasPuttygen = (() => {
  try {
    execFileSync("puttygen", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe("rules outside the corpus", () => {
  it("slack-token: a refresh token (xoxe-) in a .env", () => {
    assert.deepEqual(rulesIn("slack.env", `SLACK_REFRESH_TOKEN=xoxe-1-${rng.pick(ALNUM, 140)}\n`), ["slack-token"]);
  });
  it("gitlab-trigger-token: glptt- in a CI variable", () => {
    assert.deepEqual(rulesIn(".gitlab-ci.yml", `variables:\n  TRIGGER: glptt-${rng.pick(HEX, 40)}\n`), ["gitlab-trigger-token"]);
  });
  it("putty-private-key: a .ppk written by puttygen", { skip: !hasPuttygen && "puttygen is not installed (Debian: putty-tools)" }, () => {
    const dir = tmpDir("soulsync-ppk-");
    const key = join(dir, "deploy.ppk");
    execFileSync("puttygen", ["-t", "ed25519", "-o", key, "--new-passphrase", "/dev/null"], { stdio: "ignore" });
    const text = readFileSync(key, "utf8");
    assert.match(text, /^PuTTY-User-Key-File-\d: ssh-ed25519\nEncryption: none\n/);
    assert.deepEqual(rulesIn("notes/deploy.ppk", text), ["putty-private-key"]);
    assert.deepEqual(rulesIn("pub.txt", text.split("Private-Lines:")[0]!), [], "the public half alone is no secret");
  });
});

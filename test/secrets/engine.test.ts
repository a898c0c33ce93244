// The engine's parts: checksums, randomness, placeholders, key names, allowlists, inline
// markers, size limit, binary and encodings, fingerprints and previews.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { crc32 as zlibCrc32 } from "node:zlib";
import { parseAllowlist } from "../../src/secrets/allowlist.js";
import { scanFiles } from "../../src/secrets/api.js";
import { base62, crc32, validCrc32Base62 } from "../../src/secrets/checksum.js";
import { looksLikeName, looksRandom, shannon } from "../../src/secrets/entropy.js";
import { isPlaceholder, isReference } from "../../src/secrets/placeholder.js";
import { fingerprintOf, previewOf } from "../../src/secrets/redact.js";
import { parseRefUpdates } from "../../src/secrets/ref-updates.js";
import { classifyKey } from "../../src/secrets/rules/key-names.js";
import { checksum62, checksummedToken, seeded } from "./corpus/random.js";

const enc = (s: string) => new TextEncoder().encode(s);
const scan = (path: string, text: string | Uint8Array, options = {}) =>
  scanFiles([{ path, data: typeof text === "string" ? enc(text) : text }], options).findings;
const token = checksummedToken(seeded(7), "ghp_");

describe("checksums", () => {
  it("CRC-32 matches the standard check value", () => assert.equal(crc32("123456789"), 0xcbf43926));
  it("base62 pads to width", () => {
    assert.equal(base62(0, 6), "000000");
    assert.equal(base62(61, 2), "0z");
    assert.equal(base62(62, 1), "10");
  });
  it("agrees with an independent implementation (zlib's CRC-32, base-x) on 500 bodies", () => {
    const rng = seeded(41);
    for (let i = 0; i < 500; i++) {
      const body = rng.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 30);
      assert.equal(crc32(body), zlibCrc32(body), body);
      assert.equal(base62(crc32(body), 6), checksum62(body), body);
    }
    assert.equal(zlibCrc32("123456789"), 0xcbf43926, "zlib agrees with the CRC catalogue's check value");
  });
  it("accepts a generated GitHub token and rejects a altered one", () => {
    assert.ok(validCrc32Base62(token.slice(4)));
    assert.ok(!validCrc32Base62(`${token.slice(4, 39)}${token.endsWith("A") ? "B" : "A"}`));
  });
});

describe("randomness and placeholders", () => {
  it("tells random tokens from words and filler", () => {
    assert.ok(looksRandom("q8Vx2LmT0bZr5NcW9yKd"));
    assert.ok(!looksRandom("aaaaaaaaaaaaaaaaaaaa"));
    assert.ok(!looksRandom("abcdefghijklmnopqrstu"));
    assert.ok(shannon("abab") === 1);
  });
  for (const v of ["AKIAIOSFODNN7EXAMPLE", "xxxx", "<your key>", "changeme", "your-token-here", "********", "sk-..."]) {
    it(`placeholder: ${v}`, () => assert.ok(isPlaceholder(v)));
  }
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal reference is the test data
  for (const v of ["${TOKEN}", "$(cat /run/secrets/x)", "$TOKEN", "{{ .Values.x }}", "op://a/b/c", "/run/secrets/db"]) {
    it(`reference: ${v}`, () => assert.ok(isReference(v)));
  }
});

describe("names are not tokens", () => {
  for (const v of ["this._handleAuthMD5Password.bind", "ZodIssueCode.too_small", "../v4/locales/index.js", "ctx.skipChecks/ctx.direction"]) {
    it(`name: ${v}`, () => assert.ok(looksLikeName(v)));
  }
  it("random base62 is not a name", () => {
    const rng = seeded(3);
    const names = Array.from({ length: 1000 }, () => rng.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32)).filter(looksLikeName);
    assert.ok(names.length < 10, `${names.length} of 1000 random tokens look like names`);
  });
});

describe("key names", () => {
  const table: [string, string | undefined][] = [
    ["DB_PASSWORD", "password"], ["githubToken", "token"], ["OPENAI_API_KEY", "token"], ["client_secret", "token"],
    ["api key", "token"], ["PUBLIC_KEY", undefined], ["max_tokens", undefined], ["tokenizer", undefined],
    ["PASSWORD_FILE", undefined], ["secretKeyRef", undefined], ["key", undefined], ["CLIENT_ID", undefined],
  ];
  for (const [name, kind] of table) it(`${name} → ${kind}`, () => assert.equal(classifyKey(name), kind));
});

describe("findings", () => {
  it("carry file, line, column, rule, fingerprint and a preview without the secret", () => {
    const [f] = scan("agents/atlas.env", `# env\nAGENT_NAME=atlas\nGITHUB_TOKEN=${token}\n`);
    assert.deepEqual({ ...f, fingerprint: undefined }, { file: "agents/atlas.env", line: 3, column: 14, rule: "github-pat", fingerprint: undefined, preview: "ghp_… (40 chars)" });
    assert.equal(f?.fingerprint, fingerprintOf("github-pat", token));
    assert.match(f?.fingerprint ?? "", /^[0-9a-f]{24}$/);
  });
  it("fingerprint depends on rule and secret only", () => {
    const a = scan("a.md", `x ${token}`)[0];
    const b = scan("b/c.md", `\n\n   ${token} y`)[0];
    assert.equal(a?.fingerprint, b?.fingerprint);
  });
  it("previews never show a short secret", () => assert.equal(previewOf("hunter22"), "… (8 chars)"));
});

describe("allowlist and inline markers", () => {
  it("drops allowlisted fingerprints", () => {
    const fp = fingerprintOf("github-pat", token);
    assert.equal(scan("a.env", `T=${token}`, { allow: parseAllowlist(`# accepted 2026-11-21\n${fp}  deploy token of the test org\n`) }).length, 0);
  });
  it("rejects a malformed allowlist line, naming it", () => assert.throws(() => parseAllowlist("zz\n"), /allowlist:1/));
  it("ignores inline allow markers unless the operator turns them on", () => {
    const text = `GITHUB_TOKEN=${token} # soulsync:allow\n`;
    assert.equal(scan("a.env", text).length, 1);
    assert.equal(scan("a.env", text, { inlineAllow: true }).length, 0);
  });
});

describe("files", () => {
  it("reports a file over the size limit instead of passing it", () => {
    const [f] = scan("big.md", "x".repeat(200), { maxBytes: 100 });
    assert.equal(f?.rule, "file-too-large");
    assert.match(f?.preview ?? "", /too large to scan/);
    const [g] = scanFiles([{ path: "huge.bin", data: new Uint8Array(), size: 1e9 }]).findings;
    assert.equal(g?.rule, "file-too-large");
  });
  it("skips binary files but not secret-by-name files", () => {
    const bin = new Uint8Array([0, 1, 2, ...enc(`GITHUB_TOKEN=${token}`)]);
    assert.equal(scan("logo.png", bin).length, 0);
    assert.deepEqual(scan("keys/agent.p12", bin).map((f) => f.rule), ["pkcs12-file"]);
    assert.deepEqual(scan("id_rsa.pub", "ssh-rsa AAAA x").length, 0);
  });
  it("scans text that is not UTF-8", () => {
    const latin1 = Uint8Array.from(`Grüße\nT=${token}\n`, (c) => c.charCodeAt(0));
    assert.equal(scan("n.md", latin1)[0]?.line, 2);
  });
});

describe("ref updates from git", () => {
  it("parses create, update and delete", () => {
    const z = "0".repeat(40);
    const a = "a".repeat(40);
    const u = parseRefUpdates(`${z} ${a} refs/heads/main\n${a} ${z} refs/tags/v1\n`);
    assert.deepEqual(u.map((x) => [x.created, x.deleted]), [[true, false], [false, true]]);
  });
  it("rejects malformed input, naming the line", () => assert.throws(() => parseRefUpdates("x y z\n"), /stdin:1/));
});

// .env parsing: dotenv's parser (nothing executed or expanded), lines of keys, syntax and encoding problems.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseEnvFile } from "../../src/config/env/parse.js";

const enc = (s: string) => new TextEncoder().encode(s);

const REF = "$" + "{AGENT_NAME}";

test("values, quotes, comments, export and the line of every key", () => {
  const r = parseEnvFile(enc('# c\nAGENT_NAME=atlas\n\nexport ASSISTANT_NAME="Atlas Prime"\nMULTI="a\nb"\nX=' + REF + "\n"), "a.env");
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.values, { AGENT_NAME: "atlas", ASSISTANT_NAME: "Atlas Prime", MULTI: "a\nb", X: REF });
  assert.deepEqual(r.lines, { AGENT_NAME: 2, ASSISTANT_NAME: 4, MULTI: 5, X: 7 });
});

test("command substitution is data, never run", () => {
  const r = parseEnvFile(enc("A=$(touch /tmp/soulsync-pwned)\nB=`id`\n"), "a.env");
  assert.equal(r.values.A, "$(touch /tmp/soulsync-pwned)");
  assert.equal(r.values.B, "id");
});

test("syntax, duplicates, unterminated quotes, invalid UTF-8", () => {
  assert.deepEqual(parseEnvFile(enc("A=1\nnot an assignment\n"), "a.env").problems.map((p) => [p.code, p.line]), [["E_ENV_SYNTAX", 2]]);
  assert.deepEqual(parseEnvFile(enc("A=1\nA=2\n"), "a.env").problems.map((p) => [p.code, p.line]), [["E_ENV_DUPLICATE", 2]]);
  assert.equal(parseEnvFile(enc('A="open\nB=1\n'), "a.env").problems[0]?.code, "E_ENV_SYNTAX");
  const bad = parseEnvFile(Uint8Array.from([0x41, 0x3d, 0x31, 0x0a, 0x42, 0x3d, 0xc3, 0x28, 0x0a]), "a.env");
  assert.deepEqual(bad.problems.map((p) => [p.code, p.line]), [["E_ENV_ENCODING", 2]]);
});

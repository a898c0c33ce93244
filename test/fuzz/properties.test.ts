// Property-based tests (fast-check) of every parser of untrusted input and of the scanner:
// they never throw, every problem is located, nothing quotes a secret planted in the input,
// and the ref-name rules agree with `git check-ref-format` itself.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseEnvFile } from "../../src/config/env/parse.js";
import { validateAgentEnv } from "../../src/config/agent/rules.js";
import { parseHostYaml } from "../../src/config/host-yaml.js";
import { bootstrapSpec } from "../../src/config/schema/bootstrap.js";
import { scanFiles } from "../../src/secrets/api.js";
import { parseFrontMatter } from "../../src/soul/frontmatter.js";
import { checkManifest } from "../../src/soul/validate/manifest.js";
import { parseYamlStrict } from "../../src/untrusted/yaml.js";
import { refNameProblem } from "../../src/untrusted/ref-name.js";
import { validManifest } from "../helpers/souls.js";
import { checksummedToken, seeded } from "../secrets/corpus/random.js";
import { PROPERTY_RUNS, SEED } from "./runs.js";

const SECRET = checksummedToken(seeded(7), "ghp_");
const KEYS = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "prototype", "name", "title"];
/** Fragments that have broken YAML/JSON readers: tags, aliases, anchors, deep nesting, BOMs, controls. */
const HOSTILE = ["!!js/function 'f'", "!!binary aGk=", "*a", "&a [1]", "<<: *a", "[[[[[[", "{{{", "\u202e", "\u0000", "\ufeff", "---", "...", "? ", ": ", "\t", "%YAML 1.1", "!foo", SECRET];

const fragment = fc.oneof(fc.constantFrom(...HOSTILE, ...KEYS), fc.string({ unit: "binary", maxLength: 20 }), fc.string({ maxLength: 20 }));
const hostileText = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(fc.sample(fc.constantFrom("\n", " ", ": ", "\n  - "), 1)[0]));
const options = { numRuns: PROPERTY_RUNS, seed: SEED };

const located = (p: { line: number; column: number }) => Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.column) && p.column >= 0;
const noSecret = (text: string) => !text.includes(SECRET);

describe("parsers never throw, locate every problem, never echo a planted secret", () => {
  it("front matter (YAML and JSON, any opening line)", () => {
    fc.assert(
      fc.property(fc.constantFrom("---\n", "---json\n", "---yaml\n", `---${SECRET}\n`, "---js\n"), hostileText, (open, body) => {
        const r = parseFrontMatter(`${open}${body}\n---\nbody\n`);
        assert.ok(r.problems.every(located));
        assert.ok(r.problems.every((p) => noSecret(p.message)), JSON.stringify(r.problems));
        if (r.data) assert.equal(Object.getPrototypeOf(r.data), null);
      }),
      options,
    );
  });

  it("manifest.json with prototype-named keys anywhere", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEYS), fc.jsonValue({ maxDepth: 3 }), fc.boolean(), (key, value, truncate) => {
        const m = validManifest() as Record<string, unknown>;
        const text = JSON.stringify(m, null, 2).replace("{", `{\n  ${JSON.stringify(key)}: ${JSON.stringify(value) ?? "null"},`);
        const r = checkManifest(truncate ? text.slice(0, text.length / 2) + SECRET : text);
        assert.ok(r.problems.every(located));
        assert.ok(r.problems.every((p) => noSecret(p.message)), JSON.stringify(r.problems));
      }),
      options,
    );
  });

  it("agent .env files and their rules", () => {
    const line = fc.oneof(
      fc.tuple(fc.constantFrom("AGENT_NAME", "ASSISTANT_NAME", "AGENT_SUBNET_BASE", "WARDEN_GIT_IP", "SYSTEM_LOCALE", "DISPLAY_LOCALE", "GIT_JAIL_NAME"), fragment).map(([k, v]) => `${k}=${v}`),
      fragment,
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const env = parseEnvFile(new TextEncoder().encode(lines.join("\n")), "agents/a.env");
        const check = validateAgentEnv(env, "agents/a.env", "atlas");
        for (const p of [...env.problems, ...check.problems]) {
          assert.ok(located(p));
          assert.ok(noSecret(p.message), p.message);
        }
      }),
      options,
    );
  });

  it("host.yaml and the bootstrap file", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const r = parseHostYaml(`version: 1\n${text}`);
        assert.ok(r.problems.every(located));
        assert.ok(r.problems.every((p) => noSecret(p.message)), JSON.stringify(r.problems));
        const y = parseYamlStrict(text);
        assert.ok(y.issues.every(located));
        if (y.issues.length === 0) bootstrapSpec.safeParse(y.value);
      }),
      options,
    );
  });

  it("the scanner finds a planted token and never returns it whole", () => {
    // Text without NUL bytes: a file with one is binary to the scanner (and refused by validate).
    const text = hostileText.map((t) => t.replace(/\0/g, ""));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const data = new TextEncoder().encode(`${before}\ntoken ${SECRET}\n${after}`);
        const { findings } = scanFiles([{ path: "x.md", data }]);
        assert.ok(findings.length > 0);
        assert.ok(findings.every((f) => noSecret(JSON.stringify(f))));
      }),
      { ...options, numRuns: Math.ceil(options.numRuns / 2) },
    );
  });
});

describe("ref names", () => {
  it("agree with git check-ref-format", () => {
    const name = fc.array(fc.constantFrom("a", "b", ".", "/", "-", "@", "{", "~", "^", ":", "?", "*", "[", "\\", " ", "\t", ".lock", "é", "\u007f"), { minLength: 1, maxLength: 10 }).map((p) => p.join(""));
    fc.assert(
      fc.property(name, (n) => {
        const git = spawnSync("git", ["check-ref-format", `refs/heads/${n}`]).status === 0;
        assert.equal(refNameProblem(`refs/heads/${n}`) === undefined, git, `refs/heads/${n}`);
      }),
      { numRuns: Math.min(PROPERTY_RUNS, 300), seed: SEED },
    );
  });
});

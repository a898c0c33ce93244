// Every error and warning code has three homes that must agree: the source that produces it,
// the documentation that tells an operator what it means (README.md and docs/), and a test that
// makes it happen. This test reads all three: a documented code must exist in src/; a code in
// src/ must be documented; every code must be named by a test; and a code README.md itself lists
// is tested with no exception. The codes not there yet are listed below as known debt that may
// only shrink (a listed code that is now documented, tested or gone fails the test too).
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { CONTENT_RULES } from "../../src/secrets/rules/index.js";
import { ROOT } from "../helpers/cli.js";

const CODE = /\b[EW]_[A-Z][A-Z0-9_]*[A-Z0-9]\b/g;
const SELF = relative(ROOT, new URL(import.meta.url).pathname);

function files(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const abs = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "golden" ? [] : files(abs, ext);
    return ext.test(e.name) ? [abs] : [];
  });
}

/** Code → the files (relative to the repo) it appears in. */
function codesIn(paths: string[], pattern: RegExp = CODE): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of paths) {
    const rel = relative(ROOT, p);
    for (const m of readFileSync(p, "utf8").matchAll(pattern)) {
      const code = m[1] ?? m[0];
      const where = out.get(code) ?? [];
      if (!where.includes(rel)) where.push(rel);
      out.set(code, where);
    }
  }
  return out;
}

// docs/promises.md names tests (some names carry a code), it explains no code: not documentation here.
const docFiles = files(join(ROOT, "docs"), /\.md$/).filter((f) => relative(ROOT, f) !== "docs/promises.md");
const docs = codesIn([join(ROOT, "README.md"), ...docFiles, join(ROOT, "soul-schema/README.md")].filter(existsSync));
// In source a code is a string literal ("E_…"); a code only mentioned in a comment is not produced.
const src = codesIn(files(join(ROOT, "src"), /\.ts$/), /["'`]([EW]_[A-Z][A-Z0-9_]*[A-Z0-9])["'`]/g);
const tests = codesIn(files(join(ROOT, "test"), /\.(ts|mjs)$/).filter((f) => relative(ROOT, f) !== SELF));

/** Codes in src/ that no document explains yet (debt: shrink it by documenting them). */
const UNDOCUMENTED = new Set<string>([]);

/** Codes in src/ that no test names yet (debt: shrink it by making each one happen in a test). */
const UNTESTED = new Set<string>([
  "E_ALLOWLIST", "E_ALLOWLIST_READ", "E_BRAIN_AGENT_UNKNOWN", "E_BRIDGE", "E_CMD_EMPTY", "E_COLIBRI_DB",
  "E_CONFIG_READ", "E_CONFIG_SYNTAX", "E_DAEMON", "E_DAEMON_STOPPING", "E_DB_ADMIN_MISSING", "E_DB_HOST",
  "E_DEMO_STATE", "E_ENV_MISSING", "E_FILE_MISSING", "E_FILE_UNREADABLE", "E_GIT_FETCH", "E_HOOK_EXISTS",
  "E_HOOK_INPUT", "E_HOOK_WRITE", "E_HOST", "E_HOST_CONFIG", "E_HOST_NOT_READY", "E_HOST_REPO",
  "E_HOST_UNAVAILABLE", "E_LOCKED", "E_RENDER", "E_RENDER_CONFLICT", "E_RENDER_MANIFEST", "E_RENDER_NOT_FILE",
  "E_RENDER_READ", "E_SECRET_FILE", "E_SECRET_PATH", "E_SERVICE", "E_SOCKET_REQUEST", "E_SOUL_INVALID",
  "E_SOURCE_CREDENTIALS", "E_SQL_IDENT", "E_STATUS_READ", "E_TREE_TOO_DEEP", "W_ADAPTER_KEY",
  "W_ADAPTER_UNUSED", "W_FRONTMATTER_TEXT", "W_HARNESS_DISABLED", "W_JAIL_NO_IP", "W_RENDER_CLAUDE_IMPORT",
  "W_SKILL_NOT_COPIED", "W_RENDER_OPENCLAW_IDENTITY",
]);

/**
 * Scanner rules no test names by id yet (debt: issue 12 added them from the public rule sets; each
 * wants a case in the corpus in the provider's real format). The decoded-* ids are the rules a
 * finding inside a decoded value is reported under; test/secrets covers decoding by its findings.
 */
const UNNAMED_RULES = new Set<string>([
  "adobe-client-secret", "artifactory-reference-token", "aws-bedrock-api-key", "clickhouse-cloud-secret-key", "clojars-api-token",
  "duffel-api-token", "easypost-api-token", "facebook-page-access-token", "frameio-api-token", "gitlab-cicd-job-token",
  "gitlab-feature-flag-token", "gitlab-feed-token", "gitlab-incoming-mail-token", "gitlab-agent-token", "gitlab-oauth-app-secret",
  "gitlab-scim-token", "gitlab-session-cookie", "grafana-api-key", "grafana-cloud-api-token", "intra42-client-secret",
  "newrelic-insert-key", "octopus-deploy-api-key", "openshift-user-token", "prefect-api-token", "readme-api-token",
  "scalingo-api-token", "sentry-org-token", "settlemint-token", "shippo-api-token", "square-oauth-secret", "yandex-api-key",
  "supabase-secret-key", "netlify-access-token", "buildkite-token", "render-api-key", "pinecone-api-key", "figma-token",
  "cerebras-api-key", "fireworks-api-key", "brevo-smtp-key", "sourcegraph-token", "slack-config-token",
  "defined-networking-api-key", "circleci-token", "flutterwave-secret-key", "infracost-api-token", "sidekiq-secret",
  "cloudflare-origin-ca-key", "harness-api-key", "maxmind-license-key", "decoded-escapes", "decoded-url", "decoded-base64",
  "decoded-secret-data",
]);

const list = (codes: Iterable<string>) => [...codes].sort().join(", ");

describe("error codes: source, docs and tests agree", () => {
  it("finds codes in all three places (the scan itself works)", () => {
    assert.ok(docs.size >= 50 && src.size >= 100 && tests.size >= 50, `${docs.size} documented, ${src.size} in src, ${tests.size} in tests`);
  });

  it("every documented code exists in src/", () => {
    const ghosts = [...docs.keys()].filter((c) => !src.has(c));
    assert.deepEqual(ghosts, [], `documented but produced nowhere: ${list(ghosts)} (in ${ghosts.map((c) => docs.get(c)?.join(" ")).join("; ")})`);
  });

  it("every code the README itself lists is produced by at least one test (no exceptions)", () => {
    const readme = codesIn([join(ROOT, "README.md")]);
    const untested = [...readme.keys()].filter((c) => !tests.has(c));
    assert.deepEqual(untested, [], `README.md lists codes no test names: ${list(untested)}`);
  });

  it("every code in src/ is documented (known debt excepted)", () => {
    const missing = [...src.keys()].filter((c) => !docs.has(c) && !UNDOCUMENTED.has(c));
    assert.deepEqual(missing, [], `new undocumented codes: ${list(missing)} (in ${missing.map((c) => src.get(c)?.join(" ")).join("; ")}); document them in README.md or docs/`);
    const stale = [...UNDOCUMENTED].filter((c) => docs.has(c) || !src.has(c));
    assert.deepEqual(stale, [], `remove from UNDOCUMENTED (now documented or gone): ${list(stale)}`);
  });

  it("every code in src/ or the docs is named by a test (known debt excepted)", () => {
    const all = new Set([...src.keys(), ...docs.keys()]);
    const missing = [...all].filter((c) => !tests.has(c) && !UNTESTED.has(c));
    assert.deepEqual(missing, [], `codes no test names: ${list(missing)} (in ${missing.map((c) => (src.get(c) ?? docs.get(c))?.join(" ")).join("; ")})`);
    const stale = [...UNTESTED].filter((c) => tests.has(c) || !all.has(c));
    assert.deepEqual(stale, [], `remove from UNTESTED (now tested or gone): ${list(stale)}`);
  });

  it("every scanner rule, and the too-many-findings / file-too-large summaries, is named by a test", () => {
    const ids = [...new Set([...CONTENT_RULES.map((r) => r.id), "too-many-findings", "file-too-large"])];
    const testText = files(join(ROOT, "test"), /\.ts$/)
      .filter((f) => relative(ROOT, f) !== SELF)
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const missing = ids.filter((id) => !testText.includes(`"${id}"`) && !UNNAMED_RULES.has(id));
    assert.deepEqual(missing, [], `rules no test names: ${missing.join(", ")}`);
    const stale = [...UNNAMED_RULES].filter((id) => testText.includes(`"${id}"`) || !ids.includes(id));
    assert.deepEqual(stale, [], `remove from UNNAMED_RULES (now named or gone): ${stale.join(", ")}`);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chunkText } from "../../src/brain/import/chunk.js";
import { localeFromEnvText } from "../../src/brain/import/env-locale.js";
import { textSearchConfigFor } from "../../src/brain/import/locale.js";
import { agentDatabaseName, quoteIdent } from "../../src/brain/names.js";
import { backoffDelay, withBackoff } from "../../src/brain/retry.js";
import { describeTarget, resolveBrainTarget } from "../../src/brain/target.js";
import { SoulsyncError, transientError } from "../../src/core/errors.js";

const PG_CONFIGS = ["simple", "english", "german", "french", "spanish"];

describe("textSearchConfigFor", () => {
  for (const [locale, want] of [
    ["de-DE", "german"],
    ["en_US.UTF-8", "english"],
    ["sl-SI", "simple"],
    ["fr", "french"],
    ["it-IT", "simple"],
    [undefined, "simple"],
    ["", "simple"],
  ] as const) {
    it(`${locale} → ${want}`, () => assert.equal(textSearchConfigFor(locale, PG_CONFIGS), want));
  }
});

describe("localeFromEnvText", () => {
  it("reads the key, quoted or not, and ignores junk", () => {
    assert.equal(localeFromEnvText("AGENT_NAME=atlas\nASSISTANT_LOCALE=sl-SI\n"), "sl-SI");
    assert.equal(localeFromEnvText('export ASSISTANT_LOCALE="de-DE"'), "de-DE");
    assert.equal(localeFromEnvText("ASSISTANT_LOCALE=$(rm -rf /)"), undefined);
    assert.equal(localeFromEnvText("DISPLAY_LOCALE=en-GB"), undefined);
  });
});

describe("chunkText", () => {
  it("keeps paragraphs together up to the target size", () => {
    assert.deepEqual(chunkText("one\n\ntwo", 100), ["one\n\ntwo"]);
    assert.deepEqual(chunkText("aaaa\n\nbbbb", 6), ["aaaa", "bbbb"]);
  });
  it("cuts a long paragraph at spaces and never returns nothing", () => {
    const parts = chunkText("word ".repeat(100), 50);
    assert.ok(parts.every((p) => p.length <= 50 && p.length > 0));
    assert.equal(parts.join(" ").split(" ").length, 100);
    assert.deepEqual(chunkText("   "), [""]);
  });
});

describe("names", () => {
  it("derives per-agent database names and refuses unsafe ones", () => {
    assert.equal(agentDatabaseName("atlas", "brain"), "atlas_system_brain");
    assert.throws(() => agentDatabaseName('x"; DROP', "ops"), /E_AGENT_NAME|agent name/);
    assert.throws(() => quoteIdent("a-b"), /unsafe/);
  });
});

describe("resolveBrainTarget", () => {
  it("prefers the flag, then the environment, then the config, then PGlite", () => {
    const env = { SOULSYNC_DATABASE_URL: "postgres://a@h/x", DATABASE_URL: "postgres://b@h/y" };
    assert.deepEqual(resolveBrainTarget({ flag: "postgres://f@h/z", env, stateDir: "/s" }), { kind: "pg", url: "postgres://f@h/z" });
    assert.deepEqual(resolveBrainTarget({ env, stateDir: "/s" }), { kind: "pg", url: "postgres://a@h/x" });
    assert.deepEqual(resolveBrainTarget({ env: { DATABASE_URL: "postgres://b@h/y" }, stateDir: "/s" }), { kind: "pg", url: "postgres://b@h/y" });
    assert.deepEqual(resolveBrainTarget({ env: {}, configured: "postgres://c@h/w", stateDir: "/s" }), { kind: "pg", url: "postgres://c@h/w" });
    assert.deepEqual(resolveBrainTarget({ env: {}, stateDir: "/s" }), { kind: "pglite", root: "/s/pglite" });
  });
  it("never shows a password", () => {
    assert.throws(() => resolveBrainTarget({ flag: "mysql://u:hunter2@h/x", env: {}, stateDir: "/s" }), (e: Error) => !e.message.includes("hunter2"));
    assert.equal(describeTarget({ kind: "pg", url: "postgres://u:hunter2@h:5432/x" }), "postgres://u@h:5432/x");
  });
});

describe("withBackoff", () => {
  it("doubles with jitter up to the cap", () => {
    assert.equal(backoffDelay(1, 1000, 900_000, 0.5), 1000);
    assert.equal(backoffDelay(3, 1000, 900_000, 0.5), 4000);
    assert.equal(backoffDelay(30, 1000, 900_000, 0.5), 900_000);
    assert.equal(backoffDelay(1, 1000, 900_000, 0), 750);
  });
  it("retries transient errors only", async () => {
    const waits: number[] = [];
    let calls = 0;
    const got = await withBackoff(
      async () => {
        if (++calls < 3) throw transientError("E_DB_UNAVAILABLE", "down");
        return "ok";
      },
      { sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
    );
    assert.equal(got, "ok");
    assert.deepEqual(waits, [1000, 2000]);
    let inputCalls = 0;
    await assert.rejects(
      withBackoff(async () => {
        inputCalls++;
        throw new SoulsyncError("E_X", "bad input");
      }, { sleep: async () => {} }),
      /bad input/,
    );
    assert.equal(inputCalls, 1);
    await assert.rejects(withBackoff(async () => { throw transientError("E_DB_UNAVAILABLE", "still down"); }, { retries: 2, sleep: async () => {} }), /still down/);
  });
});

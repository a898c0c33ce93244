import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { BACKOFF_MAX_MS, backoffDelay } from "../../src/git/backoff.js";
import { classifyFetchFailure } from "../../src/git/fetch-errors.js";
import { planKeep } from "../../src/git/gc.js";
import { gitArgv } from "../../src/git/git-run.js";
import { parseLog } from "../../src/git/messages.js";
import { parseOrigin } from "../../src/git/origin.js";
import { planPromotion } from "../../src/git/promote.js";
import { parseForEachRef, parsePackedRefs, sameRefs } from "../../src/git/refs.js";
import { pickKept } from "../../src/git/rollback.js";
import type { StatusDoc } from "../../src/git/status/types.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const C = "c".repeat(40);

describe("parseOrigin", () => {
  const cases: [string, string, string | undefined][] = [
    ["/srv/git/atlas.git", "path", "/srv/git/atlas.git"],
    ["file:///srv/git/atlas%20x.git", "file", "/srv/git/atlas x.git"],
    ["git://10.0.1.2/atlas.git", "git", undefined],
    ["https://tok@example.com/atlas.git", "http", undefined],
    ["ssh://git@10.0.1.2/srv/git/atlas.git", "ssh", undefined],
    ["git@10.0.1.2:atlas.git", "ssh", undefined],
  ];
  for (const [url, kind, local] of cases) {
    test(`${kind}: ${url}`, () => {
      const o = parseOrigin(url);
      assert.equal(o.kind, kind);
      assert.equal(o.localPath, local);
      assert.ok(!o.display.includes("secret"));
    });
  }
  test("a password in the URL is refused (credentials live in host-local secrets)", () => {
    assert.throws(() => parseOrigin("https://tok:secret@example.com/a.git"), (e: Error) => {
      assert.equal((e as { code?: string }).code, "E_SOURCE_URL_CREDENTIALS");
      assert.ok(!e.message.includes("secret@"));
      return true;
    });
  });
  test("relative paths resolve against the base", () => {
    assert.equal(parseOrigin("../souls/a.git", "/etc/host").localPath, "/etc/souls/a.git");
  });
  test("command-running transports and option-like values are refused", () => {
    for (const url of ["ext::sh -c touch% /tmp/x", "fd::3", "-uhello", "foo://x/y"]) {
      assert.throws(() => parseOrigin(url), { code: "E_SOURCE_URL" }, url);
    }
  });
});

describe("backoffDelay", () => {
  test("starts near 1 s, doubles, caps at 15 min", () => {
    assert.equal(backoffDelay(1, 0.5), 1000);
    assert.equal(backoffDelay(2, 0.5), 2000);
    assert.equal(backoffDelay(5, 0.5), 16000);
    assert.equal(backoffDelay(40, 0.99), BACKOFF_MAX_MS);
    assert.equal(backoffDelay(1, 0), 800);
    assert.equal(backoffDelay(1, 0.999), 1200);
  });
});

describe("classifyFetchFailure", () => {
  test("origin problems, credentials, everything else", () => {
    assert.equal(classifyFetchFailure("fatal: unable to access 'http://127.0.0.1:1/a.git/': Failed to connect to 127.0.0.1 port 1"), "unreachable");
    assert.equal(classifyFetchFailure("fatal: '/x/a.git' does not appear to be a git repository\nfatal: Could not read from remote repository."), "unreachable");
    assert.equal(classifyFetchFailure("fatal: Authentication failed for 'http://127.0.0.1/a.git/'"), "auth");
    assert.equal(classifyFetchFailure("error: object file is empty\nfatal: bad object HEAD"), "other");
  });
});

describe("refs parsers", () => {
  test("for-each-ref with peeled tags", () => {
    const m = parseForEachRef(`refs/heads/main\0${A}\0\nrefs/tags/v1\0${B}\0${C}\n`);
    assert.deepEqual(m.get("refs/heads/main"), { name: "refs/heads/main", oid: A });
    assert.equal(m.get("refs/tags/v1")?.peeled, C);
  });
  test("packed-refs", () => {
    const m = parsePackedRefs(`# pack-refs with: peeled fully-peeled sorted\n${A} refs/heads/main\n${B} refs/tags/v1\n^${C}\n`);
    assert.equal(m.get("refs/tags/v1")?.peeled, C);
    assert.ok(sameRefs(m, parsePackedRefs(`${A} refs/heads/main\n${B} refs/tags/v1\n`)));
    assert.ok(!sameRefs(m, parsePackedRefs(`${A} refs/heads/main\n`)));
  });
});

describe("gitArgv", () => {
  test("switches off command transports and never discovers the repo", () => {
    const argv = gitArgv(["fetch"], { gitDir: "/m.git", config: [["safe.directory", "/o"]] });
    assert.deepEqual(argv.slice(0, 5), ["git", "-c", "protocol.ext.allow=never", "-c", "protocol.fd.allow=never"]);
    assert.ok(argv.includes("--git-dir"));
  });
});

describe("planKeep", () => {
  test("keeps kept revisions, holds and published commits", () => {
    const doc: StatusDoc = {
      version: 1,
      updatedAt: "",
      sources: {
        "a/soul": { agent: "a", source: "soul", url: "", condition: "Ready", reason: "OK", message: "", kept: [`main@sha1:${A}`], updatedAt: "", history: [], hold: { commit: B, revision: "", skip: "", at: "" } },
      },
    };
    assert.deepEqual([...planKeep(doc, [C])].sort(), [A, B, C]);
  });
});

describe("pickKept", () => {
  const kept = [`main@sha1:${C}`, `main@sha1:${B}`, `v1@sha1:${A}`];
  test("default is the newest one not published", () => assert.equal(pickKept(kept, C), kept[1]));
  test("by commit prefix, full revision, or ref name", () => {
    assert.equal(pickKept(kept, C, "aaaa"), kept[2]);
    assert.equal(pickKept(kept, C, `main@sha1:${B}`), kept[1]);
    assert.equal(pickKept(kept, C, "v1"), kept[2]);
    assert.equal(pickKept(kept, C, "dddd"), undefined);
  });
});

describe("planPromotion", () => {
  const tags = ["host-a/v1.2.0", "host-a/v1.10.0", "v3.0.0", "host-b/v9.0.0"];
  test("greater than the latest under the prefix", () => {
    assert.deepEqual(planPromotion("v1.11.0", "host-a/", tags), { tag: "host-a/v1.11.0", previous: "host-a/v1.10.0" });
    assert.deepEqual(planPromotion("1.0.0", "host-c/", tags), { tag: "host-c/v1.0.0", previous: undefined }, "one spelling: v + X.Y.Z");
    assert.deepEqual(planPromotion("v1.0.0", "host-c/", tags), { tag: "host-c/v1.0.0", previous: undefined });
  });
  test("not newer, not a version, bad prefix", () => {
    assert.throws(() => planPromotion("1.10.0", "host-a/", tags), { code: "E_PROMOTE_NOT_NEWER" });
    assert.throws(() => planPromotion("2.9.9", "", tags), { code: "E_PROMOTE_NOT_NEWER" });
    assert.throws(() => planPromotion("latest", "", tags), { code: "E_PROMOTE_VERSION" });
    assert.throws(() => planPromotion("1.0.0", "-x/", tags), { code: "E_PROMOTE_PREFIX" });
  });
});

describe("parseLog", () => {
  test("splits commit records", () => {
    const out = parseLog(`${A}\0subject\n\nbody\n\x1e\n${B}\0two\n\x1e\n`);
    assert.deepEqual(out.map((m) => m.path), [`commit:${A}`, `commit:${B}`]);
    assert.equal(Buffer.from(out[0]!.data).toString(), "subject\n\nbody\n");
  });
});

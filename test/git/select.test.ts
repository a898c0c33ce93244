import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatRevision, highestTag, parseRevision, selectRef } from "../../src/git/select.js";
import type { RefMap } from "../../src/git/refs.js";

const C = (n: number) => String(n).repeat(40).slice(0, 40);
function refs(entries: Record<string, string>): RefMap {
  return new Map(Object.entries(entries).map(([name, oid]) => [name, { name, oid }]));
}
const REFS = refs({
  "refs/heads/main": C(1),
  "refs/heads/stable": C(2),
  "refs/tags/v1.0.0": C(3),
  "refs/tags/v1.2.0": C(4),
  "refs/tags/v2.0.0-rc.1": C(5),
  "refs/tags/host-a/v1.9.0": C(6),
  "refs/tags/host-a/v1.10.0": C(7),
  "refs/tags/host-a/v2.0.0": C(8),
  "refs/tags/host-b/v9.0.0": C(9),
  "refs/tags/not-a-version": C(1),
});

describe("selectRef", () => {
  const cases: [string, Parameters<typeof selectRef>[0], string, string][] = [
    ["branch", { branch: "stable" }, "stable", C(2)],
    ["tag", { tag: "v1.0.0" }, "v1.0.0", C(3)],
    ["semver without prefix ignores prefixed tags and prereleases", { semver: ">=1" }, "v1.2.0", C(4)],
    ["semver with prefix picks the highest numerically", { semver: "^1", prefix: "host-a/" }, "host-a/v1.10.0", C(7)],
    ["semver with prefix, wider range", { semver: "*", prefix: "host-a/" }, "host-a/v2.0.0", C(8)],
    ["commit beats everything", { commit: "abcdef1", tag: "v1.0.0", branch: "main" }, "abcdef1", "abcdef1"],
    ["tag beats semver and branch", { tag: "v1.0.0", semver: "*", branch: "main" }, "v1.0.0", C(3)],
    ["semver beats branch", { semver: "~1.0", branch: "main" }, "v1.0.0", C(3)],
  ];
  for (const [name, sel, ref, oid] of cases) {
    test(name, () => {
      const s = selectRef(sel, REFS);
      assert.equal(s.ref, ref);
      assert.equal(s.oid, oid);
    });
  }

  test("a missing ref is E_REF_NOT_FOUND, with no fallback to a less specific selector", () => {
    assert.throws(() => selectRef({ tag: "v9", branch: "main" }, REFS), { code: "E_REF_NOT_FOUND" });
    assert.throws(() => selectRef({ branch: "gone" }, REFS), { code: "E_REF_NOT_FOUND" });
    assert.throws(() => selectRef({ semver: ">=3", prefix: "host-a/" }, REFS), /prefix host-a\//);
  });

  test("a bad range is E_REF_SEMVER", () => {
    assert.throws(() => highestTag("not a range!", "", REFS), { code: "E_REF_SEMVER" });
  });
});

describe("revisions", () => {
  test("format and parse round-trip", () => {
    const rev = formatRevision("v1.4.0", C(3));
    assert.equal(rev, `v1.4.0@sha1:${C(3)}`);
    assert.deepEqual(parseRevision(rev), { ref: "v1.4.0", commit: C(3) });
    assert.deepEqual(parseRevision("host-a/v1@sha1:abcd"), { ref: "host-a/v1", commit: "abcd" });
    assert.deepEqual(parseRevision("abc123"), { commit: "abc123" });
    assert.equal(parseRevision("main"), undefined);
  });
});

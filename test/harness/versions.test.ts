// coerceVersion and atLeast replace semver.coerce and semver.gte in the renderer: they must agree
// with semver on every kind of version string a harness prints or an operator writes.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import semver from "semver";
import { atLeast, coerceVersion } from "../../src/harness/versions.js";

const INPUTS = [
  "0.98.0", "0.94.0", "0.93.9", "1", "1.2", "v1.2.3", "codex-cli 0.98.0", "pi 0.73.1 (build 5)", "0.54", "0.53.99",
  "1.2.3-beta.1", "1.2.3+build", "10.20.30.40", "x1.2y", "version 2", "", "none", "01.2.3", "1.02.3", "0.0.0",
  "12345678901234567.1.1", "9007199254740991.0.0", "9007199254740992.0.0", "1234567890123456", "a1b2c3", "1..2", "1.2.", ".5",
];
const FLOORS = ["0.54.0", "0.94.0", "0.95.0", "1.0.0"];

describe("coerceVersion", () => {
  for (const input of INPUTS) {
    it(`${JSON.stringify(input)} as semver.coerce reads it`, () => {
      const c = semver.coerce(input);
      assert.deepEqual(coerceVersion(input), c === null ? undefined : [c.major, c.minor, c.patch]);
    });
  }
});

describe("atLeast", () => {
  for (const input of INPUTS) {
    it(`${JSON.stringify(input)} against ${FLOORS.join(", ")} as semver.gte says (unknown counts as newest)`, () => {
      for (const floor of FLOORS) {
        const c = input ? semver.coerce(input) : null;
        const want = c === null || semver.gte(c, floor);
        assert.equal(atLeast(input ? { version: input, from: "flag" } : undefined, floor), want, floor);
      }
    });
  }
});

// The test helpers fail loudly and tell reads from writes, so checks built on them can fail.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tmpDir } from "../helpers/tmp.js";
import { callsOf, isObservation } from "./helpers.js";

describe("reconcile test helpers", () => {
  it("callsOf throws when no fake tool ran (no log), instead of returning no calls", () => {
    assert.throws(() => callsOf(tmpDir("soulsync-nohost-")), /calls\.log does not exist: no fake FreeBSD tool ran/);
  });
  it("isObservation accepts reads and refuses every command that changes the host", () => {
    for (const read of [["ifconfig", "warden0"], ["sysrc", "-a"], ["bastille", "list"], ["jls"], ["service", "atlas", "onestatus"], ["pfctl", "-sn"]]) {
      assert.ok(isObservation(read), read.join(" "));
    }
    const writes = [
      ["ifconfig", "bridge", "create", "name", "warden0"],
      ["ifconfig", "warden0", "inet", "10.0.1.1/24", "alias"],
      ["sysrc", "atlas_enable=YES"],
      ["sysrc", "-n", "x=y"],
      ["bastille", "create", "-B", "atlas-git"],
      ["service", "atlas", "onestart"],
      ["pfctl", "-f", "/etc/pf.conf"],
      ["pfctl", "-nf", "/etc/pf.conf"],
      ["rm", "-rf", "/"],
    ];
    for (const w of writes) assert.ok(!isObservation(w), w.join(" "));
  });
});

// The fake FreeBSD tools (the sim's tools, also behind test/reconcile/fake-bin) reject argv the
// real tools would reject, so a driver that spells a command wrong fails in tests too.
import assert from "node:assert/strict";
import { test } from "node:test";
import { runSimTool } from "../../src/reconcile/drivers/sim/tools/index.js";
import { tmpDir } from "../helpers/tmp.js";

const rejected: string[][] = [
  ["ifconfig", "warden0"],
  ["ifconfig", "bridge", "create", "name", "Bad Name"],
  ["ifconfig", "vtnet0", "inet", "10.0.1.1/33"],
  ["ifconfig", "vtnet0", "inet", "10.0.1.1/24", "alias", "extra"],
  ["sysrc", "bad-name=1"],
  ["sysrc", "-z", "x"],
  ["sysrc", "unset_variable"],
  ["pfctl", "-x"],
  ["pfctl", "-nf"],
  ["pfctl", "-a", "bad anchor", "-nf", "/etc/pf.conf"],
  ["bastille", "create", "-B", "atlas-git", "14.3-RELEASE", "10.0.1.2/24", "warden0"], // bridge missing on a fresh host
  ["bastille", "create", "-B", "-g", "10.0.1.1", "atlas-git", "14.3-RELEASE", "10.0.1.2/24"],
  ["bastille", "create", "-Q", "atlas-git", "14.3-RELEASE", "10.0.1.2/24", "warden0"],
  ["bastille", "destroy", "nope"],
  ["jls", "-z"],
  ["service", "atlas", "onestart"],
  ["service", "pf"],
  ["nosuchtool"],
];

for (const argv of rejected) {
  test(`rejects: ${argv.join(" ")}`, () => {
    const r = runSimTool(tmpDir(), argv);
    assert.notEqual(r.exitCode, 0, r.stdout);
    assert.ok(r.stderr.length > 0);
  });
}

test("accepts the commands the planners spell, in order", () => {
  const dir = tmpDir();
  for (const argv of [
    ["ifconfig", "bridge", "create", "name", "warden0"],
    ["ifconfig", "warden0", "inet", "10.0.1.1/24"],
    ["ifconfig", "warden0", "inet", "10.0.2.1/24", "alias"],
    ["sysrc", "cloned_interfaces+=bridge0"],
    ["sysrc", "ifconfig_warden0_alias0=inet 10.0.2.1/24"],
    ["sysrc", "-x", "ifconfig_warden0_alias0"],
    ["bastille", "create", "-B", "-g", "10.0.1.1", "atlas-git", "14.3-RELEASE", "10.0.1.2/24", "warden0"],
    ["bastille", "stop", "atlas-git"],
    ["bastille", "destroy", "atlas-git"],
    ["ifconfig", "warden0", "inet", "10.0.2.1", "-alias"],
    ["pfctl", "-nf", "/etc/pf.conf"],
  ]) {
    const r = runSimTool(dir, argv);
    // pf.conf includes a file not written yet: the check must say so.
    if (argv[0] === "pfctl") assert.match(r.stderr, /No such file/);
    else assert.equal(r.exitCode, 0, `${argv.join(" ")}: ${r.stderr}`);
  }
  assert.deepEqual(runSimTool(dir, ["sysrc", "-n", "cloned_interfaces"]).stdout, "bridge0\n");
});

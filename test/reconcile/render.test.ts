// Pure renders: the pf-managed file and the rc.subr script (and that the simulated pfctl accepts them).
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderEnvFile } from "../../src/reconcile/render/env-file.js";
import { renderPfFile } from "../../src/reconcile/render/pf.js";
import { readRcTemplate, renderRcScript } from "../../src/reconcile/render/rc-script.js";
import { parsePf } from "../../src/reconcile/drivers/sim/tools/pf/parse.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpDir, writeTree } from "../helpers/tmp.js";

const pfInput = { extIf: "vtnet0", bridge: "warden0", subnets: [{ agent: "atlas", subnet: "10.0.1.0/24" }, { agent: "mevy", subnet: "192.168.72.0/24" }] };

test("pf file: warden_net lists every subnet; nat and pass rules; same input, same bytes", () => {
  const text = renderPfFile(pfInput);
  assert.equal(text, renderPfFile(structuredClone(pfInput)));
  assert.match(text, /^warden_net = "\{ 10\.0\.1\.0\/24, 192\.168\.72\.0\/24 \}"$/m);
  assert.match(text, /^nat on \$warden_ext_if inet from \$warden_net to any -> \(\$warden_ext_if\)$/m);
  assert.match(text, /^pass quick on warden0 inet from \$warden_net to any keep state$/m);
});

test("pf file: standalone (anchor) and included in a pf.conf, it passes the simulated pfctl -n", () => {
  const root = writeTree(tmpDir(), {
    "etc/pf.warden.conf": renderPfFile(pfInput),
    "etc/pf.conf": 'set skip on lo0\nscrub in all\ninclude "/etc/pf.warden.conf"\nblock in all\n',
    "etc/pf.bad.conf": 'block in all\ninclude "/etc/pf.warden.conf"\n',
  });
  const files = { read: (p: string) => readFileSync(join(root, p), "utf8"), interfaces: new Set(["vtnet0", "lo0", "warden0"]) };
  assert.deepEqual(parsePf("/etc/pf.warden.conf", files).errors, []);
  const main = parsePf("/etc/pf.conf", files);
  assert.deepEqual(main.errors, []);
  // The macro list expands into one NAT rule per subnet, printed as pfctl -sn does.
  assert.deepEqual(main.nat, ["nat on vtnet0 inet from 10.0.1.0/24 to any -> (vtnet0) round-robin", "nat on vtnet0 inet from 192.168.72.0/24 to any -> (vtnet0) round-robin"]);
  assert.match(parsePf("/etc/pf.bad.conf", files).errors.join("\n"), /Rules must be in order/);
});

test("pf file: agents may not reach each other by default; cross_agent: allow drops the block rules", () => {
  const deny = renderPfFile(pfInput);
  assert.match(deny, /^block drop in quick on warden0 inet from 10\.0\.1\.0\/24 to \{ 192\.168\.72\.0\/24 \}$/m);
  assert.match(deny, /^block drop in quick on warden0 inet from 192\.168\.72\.0\/24 to \{ 10\.0\.1\.0\/24 \}$/m);
  // The blocks come before the pass rule: quick rules match first.
  assert.ok(deny.indexOf("block drop") < deny.indexOf("pass quick"));
  assert.doesNotMatch(renderPfFile({ ...pfInput, crossAgent: "allow" }), /^block/m);
  assert.doesNotMatch(renderPfFile({ ...pfInput, subnets: [pfInput.subnets[0]!] }), /^block/m, "one agent has no one to block");
});

const rcInput = {
  name: "atlas",
  assistant: "Atlas",
  user: "atlas",
  projectDir: "/home/atlas/clawdie",
  envFile: "agents/atlas.env",
  env: ["LANG=sl_SI.UTF-8", "LC_ALL=sl_SI.UTF-8"],
  command: "/home/atlas/clawdie/start.sh",
};

test("rc.d script: PROVIDE, REQUIRE, KEYWORD shutdown, rcvar, daemon(8), locales in atlas_env", () => {
  const s = renderRcScript(readRcTemplate(), rcInput);
  for (const line of [
    "# PROVIDE: atlas",
    "# REQUIRE: LOGIN NETWORKING",
    "# KEYWORD: shutdown",
    'name="atlas"',
    'rcvar="atlas_enable"',
    ": $" + '{atlas_env:="LANG=sl_SI.UTF-8 LC_ALL=sl_SI.UTF-8"}',
    'command="/usr/sbin/daemon"',
    'run_rc_command "$1"',
  ]) {
    assert.ok(s.includes(line), line);
  }
  assert.match(s, /^#!\/bin\/sh\n/);
  assert.doesNotMatch(s, /%%/);
  assert.equal(s, renderRcScript(readRcTemplate(), { ...rcInput }));
});

test("rc.d script: a value unsafe inside the script is refused, never spliced", () => {
  assert.throws(() => renderRcScript(readRcTemplate(), { ...rcInput, command: '/bin/x"; reboot; "' }), /E_RENDER_UNSAFE|not safe/);
  assert.throws(() => renderRcScript(readRcTemplate(), { ...rcInput, env: ["LANG=$(reboot)"] }), /not safe/);
});

test("project .env: managed header, values quoted only when needed", () => {
  const text = renderEnvFile({ AGENT_NAME: "atlas", ASSISTANT_NAME: "Atlas Prime", NOTE: "it's" }, "agents/atlas.env");
  assert.equal(text, "# Managed by soulsync from the host repo (agents/atlas.env); local edits are overwritten.\nAGENT_NAME=atlas\nASSISTANT_NAME='Atlas Prime'\nNOTE=\"it's\"\n");
});

// The pure planners, as tables: desired + observed in, actions out.
import assert from "node:assert/strict";
import { test } from "node:test";
import { argvOf } from "../../src/reconcile/actions.js";
import { planDatabase } from "../../src/reconcile/plan/database.js";
import { planJails } from "../../src/reconcile/plan/jails.js";
import { planNetwork } from "../../src/reconcile/plan/network.js";
import { planPf } from "../../src/reconcile/plan/pf.js";
import { planService } from "../../src/reconcile/plan/service.js";
import type { Want } from "../../src/reconcile/want.js";

const ctx = { inventory: [], prune: false };
const cmds = (actions: { kind: string }[]) => actions.map((a) => (argvOf(a as never) ?? [a.kind]).join(" "));
const net = (...bases: string[]): Want["network"] => ({ bridge: "warden0", gateways: bases.map((b, i) => ({ agent: `a${i}`, cidr: `${b}.1/24` })) });
const rcFor = (...cidrs: string[]) => ({
  cloned_interfaces: "bridge0",
  ifconfig_bridge0_name: "warden0",
  ifconfig_warden0: `inet ${cidrs[0]}`,
  ...Object.fromEntries(cidrs.slice(1).map((c, i) => [`ifconfig_warden0_alias${i}`, `inet ${c}`])),
});

test("network: a fresh host gets the bridge, the primary address, aliases and rc.conf", () => {
  const got = cmds(planNetwork(net("10.0.1", "192.168.72"), { bridgeExists: false, addresses: [], rc: { cloned_interfaces: "lo1" } }, ctx));
  assert.deepEqual(got, [
    "ifconfig bridge create name warden0",
    "ifconfig warden0 inet 10.0.1.1/24",
    "ifconfig warden0 inet 192.168.72.1/24 alias",
    "sysrc cloned_interfaces+=bridge0",
    "sysrc ifconfig_bridge0_name=warden0",
    "sysrc ifconfig_warden0=inet 10.0.1.1/24",
    "sysrc ifconfig_warden0_alias0=inet 192.168.72.1/24",
  ]);
});

const networkTable: { name: string; want: Want["network"]; addresses: string[]; rc: Record<string, string>; inventory?: string[]; expect: string[] }[] = [
  { name: "in sync: nothing", want: net("10.0.1", "10.0.2"), addresses: ["10.0.1.1/24", "10.0.2.1/24"], rc: rcFor("10.0.1.1/24", "10.0.2.1/24"), expect: [] },
  {
    name: "a new agent: one alias, persisted as the next number",
    want: net("10.0.1", "10.0.2", "10.0.3"),
    addresses: ["10.0.1.1/24", "10.0.2.1/24"],
    rc: rcFor("10.0.1.1/24", "10.0.2.1/24"),
    expect: ["ifconfig warden0 inet 10.0.3.1/24 alias", "sysrc ifconfig_warden0_alias1=inet 10.0.3.1/24"],
  },
  {
    name: "a middle agent leaves: aliases renumbered from 0, the gap closed, its address removed (created by soulsync)",
    want: net("10.0.1", "10.0.3"),
    addresses: ["10.0.1.1/24", "10.0.2.1/24", "10.0.3.1/24"],
    rc: rcFor("10.0.1.1/24", "10.0.2.1/24", "10.0.3.1/24"),
    inventory: ["10.0.2.1/24"],
    expect: ["ifconfig warden0 inet 10.0.2.1 -alias", "sysrc ifconfig_warden0_alias0=inet 10.0.3.1/24", "sysrc -x ifconfig_warden0_alias1"],
  },
  {
    name: "an address soulsync did not add is left alone",
    want: net("10.0.1"),
    addresses: ["10.0.1.1/24", "10.9.9.1/24"],
    rc: rcFor("10.0.1.1/24"),
    expect: [],
  },
  {
    name: "a gap in rc.conf (alias0 missing) is renumbered",
    want: net("10.0.1", "10.0.2", "10.0.3"),
    addresses: ["10.0.1.1/24", "10.0.2.1/24", "10.0.3.1/24"],
    rc: { cloned_interfaces: "bridge0", ifconfig_bridge0_name: "warden0", ifconfig_warden0: "inet 10.0.1.1/24", ifconfig_warden0_alias1: "inet 10.0.2.1/24", ifconfig_warden0_alias2: "inet 10.0.3.1/24" },
    expect: ["sysrc ifconfig_warden0_alias0=inet 10.0.2.1/24", "sysrc ifconfig_warden0_alias1=inet 10.0.3.1/24", "sysrc -x ifconfig_warden0_alias2"],
  },
  {
    name: "bridge0 taken by another bridge: warden0 persists as bridge1",
    want: net("10.0.1"),
    addresses: ["10.0.1.1/24"],
    rc: { cloned_interfaces: "bridge0", ifconfig_bridge0: "addm em0 up", ifconfig_warden0: "inet 10.0.1.1/24" },
    expect: ["sysrc cloned_interfaces+=bridge1", "sysrc ifconfig_bridge1_name=warden0"],
  },
  {
    name: "one agent per host (single subnet, no aliases)",
    want: net("192.168.72"),
    addresses: [],
    rc: rcFor("192.168.72.1/24"),
    expect: ["ifconfig warden0 inet 192.168.72.1/24"],
  },
];

for (const row of networkTable) {
  test(`network: ${row.name}`, () => {
    const inventory = (row.inventory ?? []).map((id) => ({ kind: "address", id, agent: undefined }));
    const got = cmds(planNetwork(row.want, { bridgeExists: true, addresses: row.addresses, rc: row.rc }, { inventory, prune: false }));
    assert.deepEqual(got, row.expect);
  });
}

const pfWant = (mode: "include" | "anchor"): Want["pf"] => ({
  mode,
  conf: "/etc/pf.conf",
  anchor: "soulsync",
  file: { path: "/etc/pf.warden.conf", content: "NEW\n", hash: "sha256:x", mode: 0o644 },
});

test("pf: include mode writes, checks /etc/pf.conf, then loads it; never `service pf restart`", () => {
  const p = planPf(pfWant("include"), { content: "OLD\n", conf: 'include "/etc/pf.warden.conf"\n' });
  assert.deepEqual(cmds(p.actions), ["file.write", "pfctl -nf /etc/pf.conf", "pfctl -f /etc/pf.conf"]);
  assert.deepEqual(p.warnings, []);
  assert.ok(!cmds(p.actions).some((c) => c.includes("service pf")));
});

test("pf: anchor mode checks and loads the file into the anchor", () => {
  const p = planPf(pfWant("anchor"), { content: undefined, conf: 'nat-anchor "soulsync"\nanchor "soulsync"\n' });
  assert.deepEqual(cmds(p.actions), ["file.write", "pfctl -a soulsync -nf /etc/pf.warden.conf", "pfctl -a soulsync -f /etc/pf.warden.conf"]);
});

test("pf: in sync → nothing; a pf.conf without the include → a warning", () => {
  const p = planPf(pfWant("include"), { content: "NEW\n", conf: "pass all\n" });
  assert.deepEqual(p.actions, []);
  assert.match(p.warnings[0]!, /does not include/);
});

const jailWant: Want["jails"] = [
  { agent: "atlas", name: "atlas-git", ip: "10.0.1.2", gateway: "10.0.1.1", release: "14.3-RELEASE", bridge: "warden0" },
  { agent: "atlas", name: "atlas-cms", ip: "10.0.1.3", gateway: "10.0.1.1", release: "14.3-RELEASE", bridge: "warden0" },
];

test("jails: create the missing, start the stopped, report drift, never touch strangers", () => {
  const have = {
    jails: [
      { name: "atlas-cms", state: "Down", ip: "10.0.1.30", running: false },
      { name: "someone-else", state: "Up", ip: "10.0.7.2", running: true },
    ],
  };
  const p = planJails(jailWant, have, { inventory: [], prune: true });
  assert.deepEqual(cmds(p.actions), ["bastille create -B -g 10.0.1.1 atlas-git 14.3-RELEASE 10.0.1.2/24 warden0", "bastille start atlas-cms"]);
  assert.match(p.warnings[0]!, /atlas-cms has IP 10.0.1.30/);
});

test("jails: prune destroys only jails soulsync created, and only with --prune", () => {
  const have = {
    jails: [
      { name: "atlas-git", state: "Up", ip: "10.0.1.2", running: true },
      { name: "atlas-cms", state: "Up", ip: "10.0.1.3", running: true },
      { name: "old-git", state: "Up", ip: "10.0.4.2", running: true },
      { name: "hand-made", state: "Down", ip: "10.0.4.3", running: false },
    ],
  };
  const inventory = [{ kind: "jail", id: "old-git", agent: "old" }];
  assert.deepEqual(planJails(jailWant, have, { inventory, prune: false }).actions, []);
  assert.deepEqual(cmds(planJails(jailWant, have, { inventory, prune: true }).actions), ["bastille stop old-git", "bastille destroy old-git"]);
});

test("database: missing role and databases, SQL-free plan data", () => {
  const want = [{ agent: "atlas", role: "atlas", databases: ["atlas_system_ops", "atlas_system_brain"] }];
  const got = planDatabase(want, { roles: [], databases: ["atlas_system_brain"] });
  assert.deepEqual(got.map((a) => a.kind), ["db.role.create", "db.database.create"]);
  assert.deepEqual(planDatabase(want, { roles: ["atlas"], databases: ["atlas_system_ops", "atlas_system_brain"] }), []);
});

const svcWant: Want["services"] = [
  {
    agent: "atlas",
    service: "atlas",
    rc: { path: "/usr/local/etc/rc.d/atlas", content: "RC", hash: "h1", mode: 0o755 },
    env: { path: "/home/atlas/clawdie/.env", content: "ENV", hash: "h2", mode: 0o644 },
  },
];

const serviceTable: { name: string; rc?: string; env?: string; enabled: boolean; running: boolean; expect: string[] }[] = [
  { name: "fresh: write both, enable, onestart", enabled: false, running: false, expect: ["file.write", "file.write", "sysrc atlas_enable=YES", "service atlas onestart"] },
  { name: "in sync: nothing", rc: "RC", env: "ENV", enabled: true, running: true, expect: [] },
  { name: ".env changed while running: write and restart", rc: "RC", env: "OLD", enabled: true, running: true, expect: ["file.write", "service atlas restart"] },
  { name: "stopped but in sync: onestart", rc: "RC", env: "ENV", enabled: true, running: false, expect: ["service atlas onestart"] },
  { name: "disabled by hand: enable again", rc: "RC", env: "ENV", enabled: false, running: true, expect: ["sysrc atlas_enable=YES"] },
];

for (const row of serviceTable) {
  test(`service: ${row.name}`, () => {
    const rc: Record<string, string> = row.enabled ? { atlas_enable: "YES" } : {};
    const have = { rc, services: [{ service: "atlas", rcContent: row.rc, envContent: row.env, running: row.running }] };
    assert.deepEqual(cmds(planService(svcWant, have)), row.expect);
  });
}

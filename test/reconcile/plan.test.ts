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

/** A host that forwards IP already, so the rows below show only what they are about. */
const fwd = { gateway_enable: "YES" };

test("network: a fresh host gets the bridge, the primary address, aliases, rc.conf and IP forwarding", () => {
  const got = cmds(planNetwork(net("10.0.1", "192.168.72"), { bridgeExists: false, bridgeUp: false, forwarding: "0", addresses: [], rc: { cloned_interfaces: "lo1" } }, ctx));
  assert.deepEqual(got, [
    "ifconfig bridge create name warden0",
    "ifconfig warden0 inet 10.0.1.1/24",
    "ifconfig warden0 inet 192.168.72.1/24 alias",
    "sysrc cloned_interfaces+=bridge0",
    "sysrc ifconfig_bridge0_name=warden0",
    "sysrc ifconfig_warden0=inet 10.0.1.1/24",
    "sysrc ifconfig_warden0_alias0=inet 192.168.72.1/24",
    "sysrc gateway_enable=YES",
    "sysctl net.inet.ip.forwarding=1",
  ]);
});

test("network: a bridge that exists but is down is brought up", () => {
  const got = cmds(planNetwork(net("10.0.1"), { bridgeExists: true, bridgeUp: false, forwarding: "1", addresses: ["10.0.1.1/24"], rc: { ...rcFor("10.0.1.1/24"), ...fwd } }, ctx));
  assert.deepEqual(got, ["ifconfig warden0 up"]);
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
    const got = cmds(planNetwork(row.want, { bridgeExists: true, bridgeUp: true, forwarding: "1", addresses: row.addresses, rc: { ...row.rc, ...fwd } }, { inventory, prune: false }));
    assert.deepEqual(got, row.expect);
  });
}

const pfWant = (mode: "include" | "anchor"): Want["pf"] => ({
  mode,
  conf: "/etc/pf.conf",
  anchor: "soulsync",
  file: { path: "/etc/pf.warden.conf", content: "NEW\n", hash: "sha256:x", mode: 0o644 },
  nat: { extIf: "vtnet0", subnets: ["10.0.1.0/24", "192.168.72.0/24"] },
});

/** `pfctl -sn` of a kernel that has the NAT rules (pfctl_parser.c's form). */
const NAT = ["nat on vtnet0 inet from 10.0.1.0/24 to any -> (vtnet0) round-robin", "nat on vtnet0 inet from 192.168.72.0/24 to any -> (vtnet0) round-robin"];
const pfHave = (content: string | undefined, conf: string, more: Partial<import("../../src/reconcile/observe/types.js").PfHave> = {}) => ({
  content,
  conf,
  nat: NAT,
  enabled: true,
  rc: { pf_enable: "YES" },
  ...more,
});

test("pf: include mode writes, checks /etc/pf.conf, then loads it; never `service pf restart`", () => {
  const p = planPf(pfWant("include"), pfHave("OLD\n", 'include "/etc/pf.warden.conf"\n'));
  assert.deepEqual(cmds(p.actions), ["file.write", "pfctl -nf /etc/pf.conf", "pfctl -f /etc/pf.conf"]);
  assert.deepEqual(p.warnings, []);
  assert.ok(!cmds(p.actions).some((c) => c.includes("service pf")));
});

test("pf: anchor mode checks and loads the file into the anchor", () => {
  const p = planPf(pfWant("anchor"), pfHave(undefined, 'nat-anchor "soulsync"\nanchor "soulsync"\n'));
  assert.deepEqual(cmds(p.actions), ["file.write", "pfctl -a soulsync -nf /etc/pf.warden.conf", "pfctl -a soulsync -f /etc/pf.warden.conf"]);
});

test("pf: in sync → nothing; a pf.conf without the include → a warning", () => {
  const p = planPf(pfWant("include"), pfHave("NEW\n", "pass all\n"));
  assert.deepEqual(p.actions, []);
  assert.match(p.warnings[0]!, /does not include/);
});

test("pf: the file is right but the kernel lost a NAT rule (flushed, loaded without the include): reload", () => {
  const p = planPf(pfWant("include"), pfHave("NEW\n", 'include "/etc/pf.warden.conf"\n', { nat: [NAT[0]!] }));
  assert.deepEqual(cmds(p.actions), ["pfctl -nf /etc/pf.conf", "pfctl -f /etc/pf.conf"]);
  assert.match(p.actions[1]!.summary, /lacks NAT for 192\.168\.72\.0\/24/);
});

test("pf: an anchor's NAT is judged by the anchor's rules", () => {
  const p = planPf(pfWant("anchor"), pfHave("NEW\n", 'nat-anchor "soulsync"\nanchor "soulsync"\n', { nat: [] }));
  assert.deepEqual(cmds(p.actions), ["pfctl -a soulsync -nf /etc/pf.warden.conf", "pfctl -a soulsync -f /etc/pf.warden.conf"]);
});

test("pf: pf disabled and not enabled at boot: pf_enable, check, then service pf start (never restart)", () => {
  const p = planPf(pfWant("include"), pfHave("OLD\n", 'include "/etc/pf.warden.conf"\n', { enabled: false, nat: [], rc: {} }));
  assert.deepEqual(cmds(p.actions), ["sysrc pf_enable=YES", "file.write", "pfctl -nf /etc/pf.conf", "service pf start"]);
});

const jailWant: Want["jails"] = [
  { agent: "atlas", name: "atlasgit", ip: "10.0.1.2", gateway: "10.0.1.1", release: "14.3-RELEASE", bridge: "warden0" },
  { agent: "atlas", name: "atlascms", ip: "10.0.1.3", gateway: "10.0.1.1", release: "14.3-RELEASE", bridge: "warden0" },
];
const DEVFS = "[bastille_vnet=13]\nadd include $devfsrules_hide_all\n";
/** A prepared host: Bastille 1.4.4 enabled, the release bootstrapped, the VNET ruleset present. */
const ready = (jails: import("../../src/reconcile/observe/types.js").JailsHave["jails"]) => ({
  jails,
  version: "1.4.4",
  releases: ["14.3-RELEASE-p2"],
  devfsRules: DEVFS,
  rc: { bastille_enable: "YES" },
});

test("jails: create the missing, start the stopped, report drift, never touch strangers", () => {
  const have = ready([
    { name: "atlascms", state: "Down", ip: "10.0.1.30", running: false },
    { name: "someoneelse", state: "Up", ip: "10.0.7.2", running: true },
  ]);
  const p = planJails(jailWant, have, { inventory: [], prune: true });
  assert.deepEqual(cmds(p.actions), ["bastille create -B -g 10.0.1.1 atlasgit 14.3-RELEASE 10.0.1.2/24 warden0", "bastille start atlascms"]);
  assert.match(p.warnings[0]!, /atlascms has IP 10.0.1.30/);
});

test("jails: prune destroys only jails soulsync created, and only with --prune", () => {
  const have = ready([
    { name: "atlasgit", state: "Up", ip: "10.0.1.2", running: true },
    { name: "atlascms", state: "Up", ip: "10.0.1.3", running: true },
    { name: "oldgit", state: "Up", ip: "10.0.4.2", running: true },
    { name: "handmade", state: "Down", ip: "10.0.4.3", running: false },
  ]);
  const inventory = [{ kind: "jail", id: "oldgit", agent: "old" }];
  assert.deepEqual(planJails(jailWant, have, { inventory, prune: false }).actions, []);
  // destroy asks for confirmation from Bastille 1.0 (destroy.sh): -a stops, -y answers.
  assert.deepEqual(cmds(planJails(jailWant, have, { inventory, prune: true }).actions), ["bastille stop oldgit", "bastille destroy -a -y oldgit"]);
});

const jailRefusals: { name: string; have: Partial<ReturnType<typeof ready>>; code: string; message: RegExp }[] = [
  { name: "Bastille missing", have: { version: undefined }, code: "E_BASTILLE_MISSING", message: /pkg install bastille/ },
  { name: "Bastille 0.14 (no create -g)", have: { version: "0.14.20250420" }, code: "E_BASTILLE_VERSION", message: /supports Bastille 1\.0 to 1\.4/ },
  { name: "a Bastille newer than checked", have: { version: "1.5.0.270101" }, code: "E_BASTILLE_VERSION", message: /1\.5\.0\.270101 is not supported/ },
  { name: "release not bootstrapped", have: { releases: ["14.2-RELEASE"] }, code: "E_HOST_PRECONDITION", message: /run `bastille bootstrap 14\.3-RELEASE`/ },
  { name: "no VNET devfs ruleset", have: { devfsRules: undefined }, code: "E_HOST_PRECONDITION", message: /bastille setup vnet/ },
];

for (const row of jailRefusals) {
  test(`jails: refused, nothing planned: ${row.name}`, () => {
    const p = planJails(jailWant, { ...ready([]), ...row.have }, ctx);
    assert.deepEqual(p.actions, []);
    assert.equal(p.refused[0]?.code, row.code);
    assert.match(p.refused[0]!.message, row.message);
  });
}

test("jails: every supported Bastille version passes; bastille_enable is planned when off", () => {
  for (const version of ["1.0.20250714", "1.1.0.251001", "1.2.2.251204", "1.3.2.251225", "1.4.0.260219", "1.4.4"]) {
    assert.deepEqual(planJails(jailWant, { ...ready([]), version }, ctx).refused, [], version);
  }
  const p = planJails(jailWant, { ...ready([]), rc: {}, releases: ["14.3-RELEASE"] }, ctx);
  assert.equal(cmds(p.actions)[0], "sysrc bastille_enable=YES");
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
    rc: { path: "/usr/local/etc/rc.d/atlas", content: "RC Managed by soulsync from the host repo", hash: "h1", mode: 0o755 },
    env: { path: "/home/atlas/clawdie/.env", content: "ENV", hash: "h2", mode: 0o644 },
  },
];

const serviceTable: { name: string; rc?: string; env?: string; enabled: boolean; running: boolean; expect: string[] }[] = [
  { name: "fresh: write both, enable, onestart", enabled: false, running: false, expect: ["file.write", "file.write", "sysrc atlas_enable=YES", "service atlas onestart"] },
  { name: "in sync: nothing", rc: "RC Managed by soulsync from the host repo", env: "ENV", enabled: true, running: true, expect: [] },
  { name: ".env changed while running: write and restart", rc: "RC Managed by soulsync from the host repo", env: "OLD", enabled: true, running: true, expect: ["file.write", "service atlas restart"] },
  { name: "stopped but in sync: onestart", rc: "RC Managed by soulsync from the host repo", env: "ENV", enabled: true, running: false, expect: ["service atlas onestart"] },
  { name: "disabled by hand: enable again", rc: "RC Managed by soulsync from the host repo", env: "ENV", enabled: false, running: true, expect: ["sysrc atlas_enable=YES"] },
];

for (const row of serviceTable) {
  test(`service: ${row.name}`, () => {
    const rc: Record<string, string> = row.enabled ? { atlas_enable: "YES" } : {};
    const have = { rc, services: [{ service: "atlas", rcContent: row.rc, envContent: row.env, running: row.running, baseScript: false }] };
    assert.deepEqual(cmds(planService(svcWant, have).actions), row.expect);
  });
}

test("service: an rc.d script soulsync did not write is never overwritten", () => {
  const have = { rc: {}, services: [{ service: "atlas", rcContent: "#!/bin/sh\n# someone else's\n", envContent: undefined, running: false, baseScript: false }] };
  const p = planService(svcWant, have);
  assert.deepEqual(p.actions, []);
  assert.equal(p.refused[0]?.code, "E_RC_FOREIGN");
});

test("service: a name /etc/rc.d already has is refused (service(8) would run the base script)", () => {
  const have = { rc: {}, services: [{ service: "atlas", rcContent: undefined, envContent: undefined, running: false, baseScript: true }] };
  assert.equal(planService(svcWant, have).refused[0]?.code, "E_SERVICE_NAME");
});

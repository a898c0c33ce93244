// The fake FreeBSD tools (the tool models behind test/reconcile/fake-bin, shared with the sim
// driver) hold the real tools' rules: each case names the source its expectation comes from.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { loadSimState, rootOf, saveSimState } from "../../src/reconcile/drivers/sim/state.js";
import { runSimTool } from "../../src/reconcile/drivers/sim/tools/index.js";
import { tmpDir } from "../helpers/tmp.js";

/** A fresh fake host, optionally with another Bastille version and a warden0 bridge. */
function host(opts: { bastille?: string; bridge?: boolean } = {}): string {
  const dir = tmpDir();
  const s = loadSimState(dir);
  if (opts.bastille) s.bastille.version = opts.bastille;
  if (opts.bridge) s.interfaces.warden0 = { addresses: ["10.0.1.1/24"], bridge: true, ether: "58:9c:fc:10:ff:b6", up: true };
  saveSimState(dir, s);
  return dir;
}
const run = (dir: string, argv: string[], stdin = "") => runSimTool(dir, argv, () => stdin);
const create = (name: string) => ["bastille", "create", "-B", "-g", "10.0.1.1", name, "14.3-RELEASE", "10.0.1.2/24", "warden0"];

// --- pfctl: sbin/pfctl/parse.y (FreeBSD 14) and pf.conf(5) ---------------------------------------

function pfCheck(text: string): { exitCode: number; stderr: string } {
  const dir = host({ bridge: true });
  writeFileSync(join(rootOf(dir), "etc/test.conf"), text);
  return run(dir, ["pfctl", "-nf", "/etc/test.conf"]);
}

const pfRejected: [string, string, RegExp][] = [
  ["a host that is no address or interface", "nat on banana -> nonsense\n", /^\/etc\/test.conf:1: no IP address found for nonsense$/m],
  ["words pf.conf has no rule for", "block purple elephants\n", /^\/etc\/test.conf:1: syntax error$/m],
  ["an undefined macro", "pass quick on $bridge all\n", /macro 'bridge' not defined/],
  ["nat without a translation address", "nat on vtnet0 from 10.0.1.0/24 to any\n", /translation rule requires '-> address'/],
  ["translation after filtering", "pass all\nnat on vtnet0 from 10.0.1.0/24 to any -> (vtnet0)\n", /^\/etc\/test.conf:2: Rules must be in order: options, ethernet, normalization, queueing, translation, filtering$/m],
  ["a bad netmask", "pass from 10.0.1.0/33 to any\n", /invalid netmask/],
  ["an include that is missing", 'include "/etc/nope.conf"\n', /failed to include file \/etc\/nope.conf/],
  ["an unterminated list", "pass from { 10.0.1.0/24, 10.0.2.0/24 to any\n", /syntax error/],
];

for (const [name, text, message] of pfRejected) {
  test(`pfctl -n rejects ${name}, as pfctl does`, () => {
    const r = pfCheck(text);
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, message);
    assert.match(r.stderr, /pfctl: Syntax error in config file: pf rules not loaded/);
  });
}

test("pfctl -n accepts the forms a soulsync host uses", () => {
  const text = [
    'ext_if = "vtnet0"',
    'warden_net = "{ 10.0.1.0/24, 192.168.72.0/24 }"',
    "set skip on lo0",
    "set block-policy drop",
    "scrub in all",
    "table <bruteforce> persist",
    'nat-anchor "soulsync"',
    "nat on $ext_if inet from $warden_net to any -> ($ext_if)",
    "no nat on $ext_if from 10.0.1.5 to any",
    'anchor "soulsync"',
    "block in log all",
    "block drop in quick on warden0 inet from 10.0.1.0/24 to { 192.168.72.0/24 }",
    "pass quick on warden0 inet from $warden_net to any keep state",
    "pass in on $ext_if proto tcp to port 22 keep state",
    "pass in on $ext_if proto tcp from any to ($ext_if) port { 80, 443 } flags S/SA modulate state",
    "pass out all keep state",
    "antispoof quick for $ext_if inet",
    "",
  ].join("\n");
  const r = pfCheck(text);
  assert.equal(r.exitCode, 0, r.stderr);
});

test("pfctl -f loads; -sn prints the NAT rules one per address as pfctl_parser.c does; -si the status", () => {
  const dir = host({ bridge: true });
  writeFileSync(join(rootOf(dir), "etc/test.conf"), 'n = "{ 10.0.1.0/24, 10.0.2.0/24 }"\nnat on vtnet0 from $n to any -> (vtnet0)\n');
  assert.equal(run(dir, ["pfctl", "-f", "/etc/test.conf"]).exitCode, 0);
  assert.equal(run(dir, ["pfctl", "-sn"]).stdout, "nat on vtnet0 inet from 10.0.1.0/24 to any -> (vtnet0) round-robin\nnat on vtnet0 inet from 10.0.2.0/24 to any -> (vtnet0) round-robin\n");
  assert.equal(run(dir, ["pfctl", "-a", "soulsync", "-sn"]).stdout, "", "the anchor is separate");
  assert.match(run(dir, ["pfctl", "-si"]).stdout, /^Status: Enabled for /);
  assert.match(run(dir, ["pfctl", "-e"]).stderr, /pf already enabled/);
  assert.match(run(dir, ["pfctl", "-F", "all"]).stderr, /nat cleared/);
  assert.equal(run(dir, ["pfctl", "-sn"]).stdout, "");
  assert.match(run(dir, ["pfctl", "-x"]).stderr, /option requires an argument -- x/);
  assert.match(run(dir, ["pfctl", "-Z"]).stderr, /illegal option -- Z/);
});

// --- Bastille: BastilleBSD/bastille create.sh, destroy.sh, list.sh per tag ----------------------

test("bastille --version: stdout up to 1.3, stderr from 1.4 (info 1 writes to fd 2)", () => {
  const old = run(host({ bastille: "1.3.2.251225" }), ["bastille", "--version"]);
  assert.deepEqual([old.stdout, old.stderr], ["1.3.2.251225\n", ""]);
  const now = run(host({ bastille: "1.4.4" }), ["bastille", "-v"]);
  assert.deepEqual([now.stdout, now.stderr], ["", "1.4.4\n"]);
});

test("bastille create: a - in a VNET name is accepted by 1.0, refused from 1.1", () => {
  assert.equal(run(host({ bastille: "1.0.20250714", bridge: true }), create("atlas-git")).exitCode, 0);
  for (const v of ["1.1.0.251001", "1.4.4"]) {
    const r = run(host({ bastille: v, bridge: true }), create("atlas-git"));
    assert.equal(r.exitCode, 1, v);
    assert.equal(r.stderr, "[ERROR]: VNET jail names may not contain (-|_) characters.\n", v);
  }
  assert.equal(run(host({ bridge: true }), create("atlasgit")).exitCode, 0);
});

test("bastille create: -g is an unknown option before 1.0; names rules every version has", () => {
  assert.match(run(host({ bastille: "0.14.20250420", bridge: true }), create("atlasgit")).stderr, /^Unknown Option: "-g"/);
  assert.match(run(host({ bridge: true }), create("1234")).stderr, /may not contain only digits/);
  assert.match(run(host({ bridge: true }), create("_git")).stderr, /may not begin with \(-\|_\)/);
  assert.match(run(host({ bridge: true }), create("git!")).stderr, /special characters/);
});

test("bastille create: the bridge must exist and be a bridge; the release must be bootstrapped", () => {
  assert.match(run(host(), create("atlasgit")).stderr, /Interface does not exist: warden0/);
  assert.match(run(host({ bastille: "1.0.20250714" }), create("atlasgit")).stderr, /Interface is not a bridge: warden0/);
  const dir = host({ bridge: true });
  const s = loadSimState(dir);
  s.bastille.releases = [];
  saveSimState(dir, s);
  assert.match(run(dir, create("atlasgit")).stderr, /Release must be bootstrapped first\.\nSee 'bastille bootstrap'\./);
});

test("bastille create: 1.1–1.3 refuse a long name whose shortened epair collides; 1.4 numbers them", () => {
  for (const [v, code] of [["1.3.2.251225", 1], ["1.4.4", 0]] as const) {
    const dir = host({ bastille: v, bridge: true });
    assert.equal(run(dir, create("researcherxdb")).exitCode, 0);
    const r = run(dir, ["bastille", "create", "-B", "-g", "10.0.1.1", "researchzzdb", "14.3-RELEASE", "10.0.1.3/24", "warden0"]);
    assert.equal(r.exitCode, code, `${v}: ${r.stderr}`);
  }
});

test("bastille destroy: refuses a running jail without -a; from 1.0 asks on stdin unless -y", () => {
  const dir = host({ bridge: true });
  run(dir, create("atlasgit"));
  assert.match(run(dir, ["bastille", "destroy", "atlasgit"]).stderr, /Jail is running\.\nUse \[-a\|--auto\] to auto-stop the jail\./);
  assert.match(run(dir, ["bastille", "destroy", "-a", "atlasgit"], "").stderr, /Invalid input\. Please answer 'y' or 'n'\./, "closed stdin: no answer");
  assert.match(run(dir, ["bastille", "destroy", "-a", "atlasgit"], "n\n").stderr, /Cancelled by user/);
  assert.equal(run(dir, ["bastille", "destroy", "-a", "atlasgit"], "y\n").exitCode, 0);
  run(dir, create("atlasgit"));
  assert.equal(run(dir, ["bastille", "destroy", "-ay", "atlasgit"]).exitCode, 0, "combined flags, split like destroy.sh");
  assert.deepEqual(loadSimState(dir).jails, {});
});

test("bastille list: 1.0–1.4.4 print mixed-case headers, the development branch capitals; -j keys follow", () => {
  const dir = host({ bridge: true });
  run(dir, create("atlasgit"));
  const table = run(dir, ["bastille", "list"]).stdout.split("\n");
  assert.equal(table[0], " JID  Name      Boot  Prio  State  Type   IP Address  Published Ports  Release          Tags");
  assert.equal(table[1], " 1    atlasgit  on    99    Up     thin   10.0.1.2    -                14.3-RELEASE-p2  -");
  assert.deepEqual(JSON.parse(run(dir, ["bastille", "list", "-j"]).stdout), [
    { JID: "1", Name: "atlasgit", Boot: "on", Prio: "99", State: "Up", Type: "thin", "IP Address": "10.0.1.2", "Published Ports": "-", Release: "14.3-RELEASE-p2", Tags: "-" },
  ]);
  const s = loadSimState(dir);
  s.bastille.version = "1.4.4-dev";
  saveSimState(dir, s);
  assert.match(run(dir, ["bastille", "list"]).stdout, /^ JID NAME {5}BOOT PRIO STATE TYPE {2}IP ADDRESS PORTS RELEASE {9}TAGS\n/);
  assert.equal(JSON.parse(run(dir, ["bastille", "list", "-j"]).stdout)[0].NAME, "atlasgit");
  assert.equal(run(host(), ["bastille", "list", "-j"]).stdout, "[\n\n]\n", "no jails: awk's empty array");
});

// --- jls: usr.sbin/jls/jls.c ----------------------------------------------------------------------

test("jls name prints one running jail name a line; unknown parameters are refused", () => {
  const dir = host({ bridge: true });
  run(dir, create("atlasgit"));
  run(dir, ["bastille", "create", "-B", "-g", "10.0.1.1", "atlascms", "14.3-RELEASE", "10.0.1.3/24", "warden0"]);
  run(dir, ["bastille", "stop", "atlascms"]);
  assert.equal(run(dir, ["jls", "name"]).stdout, "atlasgit\n");
  assert.equal(run(dir, ["jls", "jid", "name"]).stdout, "1 atlasgit\n");
  assert.match(run(dir, ["jls", "bogus"]).stderr, /unknown parameter: bogus/);
  assert.match(run(dir, ["jls"]).stdout, /^ {3}JID {2}IP Address {6}Hostname {22}Path\n {5}1 {18}atlasgit/);
});

// --- sysrc: usr.sbin/sysrc/tests/sysrc_test.sh ----------------------------------------------------

test("sysrc prints what sysrc_test.sh expects", () => {
  const dir = host();
  assert.equal(run(dir, ["sysrc", "test_enable=YES"]).stdout, "test_enable:  -> YES\n");
  assert.equal(run(dir, ["sysrc", "test_enable=NO"]).stdout, "test_enable: YES -> NO\n");
  assert.equal(run(dir, ["sysrc", "test_list+=item1"]).stdout, "test_list:  -> item1\n");
  assert.equal(run(dir, ["sysrc", "test_list+=item1"]).stdout, "test_list: item1 -> item1\n", "not added twice");
  assert.equal(run(dir, ["sysrc", "test_list+=item2"]).stdout, "test_list: item1 -> item1 item2\n");
  assert.equal(run(dir, ["sysrc", "test_list-=item1"]).stdout, "test_list: item1 item2 -> item2\n");
  assert.equal(run(dir, ["sysrc", "test_enable"]).stdout, "test_enable: NO\n");
  assert.equal(run(dir, ["sysrc", "-n", "test_enable"]).stdout, "NO\n");
  const x = run(dir, ["sysrc", "-x", "test_enable"]);
  assert.deepEqual([x.exitCode, x.stdout], [0, ""]);
  const unknown = run(dir, ["sysrc", "test_list", "noexist"]);
  assert.deepEqual([unknown.exitCode, unknown.stdout, unknown.stderr], [1, "test_list: item2\n", "sysrc: unknown variable 'noexist'\n"]);
  assert.equal(run(dir, ["sysrc", "-x", "noexist"]).stderr, "sysrc: unknown variable 'noexist'\n");
});

// --- service: usr.sbin/service/service.sh and rc.subr --------------------------------------------

test("service: a missing script is reported on stdout; a disabled one says 'Cannot start' and exits 0", () => {
  const dir = host();
  const missing = run(dir, ["service", "atlas", "onestart"]);
  assert.deepEqual([missing.exitCode, missing.stdout], [1, "atlas does not exist in /etc/rc.d or the local startup\ndirectories (/usr/local/etc/rc.d), or is not executable\n"]);
});

test("service: rc.subr's enable rule, status lines, and the base pf script's start", () => {
  const dir = host();
  mkdirSync(join(rootOf(dir), "usr/local/etc/rc.d"), { recursive: true });
  writeFileSync(join(rootOf(dir), "usr/local/etc/rc.d/atlas"), "#!/bin/sh\n", { mode: 0o555 });
  const off = run(dir, ["service", "atlas", "start"]);
  assert.deepEqual([off.exitCode, off.stdout], [0, "Cannot 'start' atlas. Set atlas_enable to YES in /etc/rc.conf or use 'onestart' instead of 'start'.\n"]);
  const status = run(dir, ["service", "atlas", "onestatus"]);
  assert.deepEqual([status.exitCode, status.stdout], [1, "atlas is not running.\n"]);
  run(dir, ["service", "atlas", "onestart"]);
  assert.match(run(dir, ["service", "atlas", "onestatus"]).stdout, /^atlas is running as pid \d+\.\n$/);
  const s = loadSimState(dir);
  s.pf.enabled = false;
  saveSimState(dir, s);
  run(dir, ["service", "pf", "start"]);
  assert.equal(loadSimState(dir).pf.enabled, true);
});

// --- ifconfig, sysctl: sbin/ifconfig, sbin/sysctl -------------------------------------------------

test("ifconfig: a new bridge is down until its first address or `up`; sysctl prints old -> new", () => {
  const dir = host();
  run(dir, ["ifconfig", "bridge", "create", "name", "warden0"]);
  assert.match(run(dir, ["ifconfig", "warden0"]).stdout, /^warden0: flags=8802<BROADCAST,SIMPLEX,MULTICAST>/);
  run(dir, ["ifconfig", "warden0", "inet", "10.0.1.1/24"]);
  assert.match(run(dir, ["ifconfig", "warden0"]).stdout, /^warden0: flags=1008843<UP,/);
  assert.match(run(dir, ["ifconfig", "nope0"]).stderr, /interface nope0 does not exist/);
  assert.equal(run(dir, ["sysctl", "-n", "net.inet.ip.forwarding"]).stdout, "0\n");
  assert.equal(run(dir, ["sysctl", "net.inet.ip.forwarding=1"]).stdout, "net.inet.ip.forwarding: 0 -> 1\n");
  assert.equal(run(dir, ["sysctl", "-n", "net.nope"]).stderr, "sysctl: unknown oid 'net.nope'\n");
});

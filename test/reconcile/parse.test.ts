// Observation parsers against captured FreeBSD output (ifconfig, sysrc -a, bastille list, jls, service status).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parseBastilleList } from "../../src/reconcile/observe/parse/bastille.js";
import { parseIfconfig, prefixOfHexMask } from "../../src/reconcile/observe/parse/ifconfig.js";
import { parseJls } from "../../src/reconcile/observe/parse/jls.js";
import { parseServiceStatus } from "../../src/reconcile/observe/parse/service.js";
import { parseSysrcAll } from "../../src/reconcile/observe/parse/sysrc.js";

const fx = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

test("ifconfig: a bridge with two addresses and two members", () => {
  const i = parseIfconfig(fx("ifconfig-warden0.txt"));
  assert.deepEqual(i, {
    name: "warden0",
    up: true,
    inet: ["10.0.1.1/24", "192.168.72.1/24"],
    members: ["e0b_atlas-git", "e0b_mevy-git"],
    groups: ["bridge"],
  });
});

test("ifconfig: a physical interface, a /32 and IPv6 lines ignored", () => {
  const i = parseIfconfig(fx("ifconfig-vtnet0.txt"));
  assert.deepEqual(i?.inet, ["203.0.113.17/32"]);
  assert.deepEqual(i?.members, []);
});

test("ifconfig: a missing interface parses as undefined", () => {
  assert.equal(parseIfconfig(fx("ifconfig-missing.txt")), undefined);
});

test("netmask hex → prefix length", () => {
  for (const [mask, len] of [["0xffffff00", 24], ["0xffff0000", 16], ["0xffffffff", 32], ["0x00000000", 0], ["0xfffffff0", 28]] as const) {
    assert.equal(prefixOfHexMask(mask), len, mask);
  }
});

test("sysrc -a: every variable, values with spaces, empty values", () => {
  const rc = parseSysrcAll(fx("sysrc-a.txt"));
  assert.equal(rc.cloned_interfaces, "lo1 bridge0");
  assert.equal(rc.ifconfig_warden0, "inet 10.0.1.1/24");
  assert.equal(rc.ifconfig_warden0_alias1, "inet 172.16.50.1/24");
  assert.equal(rc.kld_list, "");
  assert.equal(Object.keys(rc).length, 19);
});

test("bastille list: rows, down jails without JID, continuation lines skipped", () => {
  const jails = parseBastilleList(fx("bastille-list.txt"));
  assert.deepEqual(
    jails.map((j) => [j.name, j.jid, j.state, j.ip, j.release]),
    [
      ["atlas-cms", 1, "Up", "10.0.1.3", "14.3-RELEASE-p2"],
      ["atlas-git", 2, "Up", "10.0.1.2", "14.3-RELEASE-p2"],
      ["atlas-ollama", undefined, "Down", "10.0.1.4", "14.3-RELEASE"],
      ["mevy-git", 4, "Up", "192.168.72.2", "14.3-RELEASE-p2"],
    ],
  );
  assert.deepEqual(parseBastilleList(""), []);
});

test("jls: fixed columns, blank IP for VNET jails, name from the Bastille path", () => {
  const rows = parseJls(fx("jls.txt"));
  assert.deepEqual(
    rows.map((r) => [r.jid, r.ip, r.hostname, r.name]),
    [
      [1, undefined, "atlas-cms", "atlas-cms"],
      [2, undefined, "atlas-git", "atlas-git"],
      [4, undefined, "git.mevy.example.org", "mevy-git"],
      [7, "10.0.9.20", "legacy", "legacy"],
    ],
  );
});

test("service status: running, stopped, missing", () => {
  assert.deepEqual(parseServiceStatus("atlas", fx("service-running.txt")), { exists: true, running: true, pid: 4187 });
  assert.deepEqual(parseServiceStatus("atlas", fx("service-stopped.txt")), { exists: true, running: false, pid: undefined });
  assert.deepEqual(parseServiceStatus("atlas", fx("service-missing.txt")), { exists: false, running: false, pid: undefined });
  // Another service's line does not count.
  assert.equal(parseServiceStatus("atlas", "atlas2 is running as pid 1.\n").running, false);
});

test("bastille list -j: 1.0–1.4.4 keys and the development branch's capitals both parse", async () => {
  const { parseBastilleJson } = await import("../../src/reconcile/observe/parse/bastille-json.js");
  const released = '[\n  {"JID":"1","Name":"atlasgit","Boot":"on","Prio":"99","State":"Up","Type":"thin","IP Address":"10.0.1.2","Published Ports":"-","Release":"14.3-RELEASE-p2","Tags":"-"},\n  {"JID":"-","Name":"atlascms","Boot":"on","Prio":"99","State":"Down","Type":"thin","IP Address":"10.0.1.3","Published Ports":"-","Release":"14.3-RELEASE","Tags":"-"}\n]\n';
  const dev = released.replaceAll('"Name"', '"NAME"').replaceAll('"State"', '"STATE"').replaceAll('"IP Address"', '"IP ADDRESS"').replaceAll('"Release"', '"RELEASE"');
  for (const text of [released, dev]) {
    assert.deepEqual(parseBastilleJson(text), [
      { name: "atlasgit", jid: 1, state: "Up", ip: "10.0.1.2", release: "14.3-RELEASE-p2" },
      { name: "atlascms", jid: undefined, state: "Down", ip: "10.0.1.3", release: "14.3-RELEASE" },
    ]);
  }
  // awk turns a second address line into a row of its own: it is not a jail.
  assert.deepEqual(parseBastilleJson('[\n  {"JID":"10.0.1.9","Name":"","Boot":""}\n]\n'), []);
  assert.deepEqual(parseBastilleJson("[\n\n]\n"), []);
  assert.equal(parseBastilleJson("[ERROR]: No jails found."), undefined);
});

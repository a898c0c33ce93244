// The simulated FreeBSD host: one JSON state file plus a root directory for files.
// Written atomically so a crash never leaves half a state. A fresh host is "prepared" the way the
// seeds' manual path leaves one: pf enabled and running, Bastille installed with the release
// bootstrapped and its VNET devfs ruleset in /etc/devfs.rules; forwarding and bastille_enable off.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface SimJail {
  ip: string;
  gateway: string;
  release: string;
  bridge: string;
  jid: number | undefined;
}

export interface SimInterface {
  addresses: string[];
  bridge: boolean;
  ether: string;
  /** IFF_UP; set by `up` or by the first address (ifconfig(8)). */
  up?: boolean;
}

export interface SimState {
  version: 1;
  interfaces: Record<string, SimInterface>;
  rc: Record<string, string>;
  sysctl: Record<string, string>;
  /** Loaded rulesets by anchor ("main" is the main ruleset): content hash and `pfctl -sn` lines. */
  pf: { loaded: Record<string, string>; nat: Record<string, string[]>; enabled: boolean };
  /** The installed Bastille's version string (as `bastille --version` prints it) and bootstrapped releases. */
  bastille: { version: string; releases: string[] };
  jails: Record<string, SimJail>;
  services: Record<string, { pid: number | undefined; starts: number }>;
  db: { roles: string[]; databases: Record<string, string> };
  nextPid: number;
  nextJid: number;
  /** Failure injection for tests: tool keys such as "pfctl-check", "pfctl-load", "bastille-create". */
  fail: string[];
  /** Every mutating command the sim executed (argv), for assertions. */
  log: string[][];
}

export function emptyState(): SimState {
  return {
    version: 1,
    interfaces: {
      vtnet0: { addresses: ["192.0.2.10/24"], bridge: false, ether: "58:9c:fc:00:00:01", up: true },
      lo0: { addresses: ["127.0.0.1/8"], bridge: false, ether: "", up: true },
    },
    rc: { hostname: "sim.example.org", ifconfig_vtnet0: "DHCP", pf_enable: "YES", sshd_enable: "YES" },
    sysctl: { "net.inet.ip.forwarding": "0", "net.link.bridge.pfil_member": "1", "net.link.bridge.pfil_bridge": "0" },
    pf: { loaded: {}, nat: {}, enabled: true },
    bastille: { version: "1.4.4", releases: ["14.3-RELEASE"] },
    jails: {},
    services: {},
    db: { roles: [], databases: {} },
    nextPid: 4100,
    nextJid: 1,
    fail: [],
    log: [],
  };
}

/** Fills fields a state file written by an older soulsync lacks. */
function normalize(s: SimState): SimState {
  const d = emptyState();
  s.sysctl ??= d.sysctl;
  s.pf.nat ??= {};
  s.pf.enabled ??= true;
  s.bastille ??= d.bastille;
  for (const i of Object.values(s.interfaces)) i.up ??= i.addresses.length > 0;
  return s;
}

export const statePath = (dir: string) => join(dir, "state.json");
export const rootOf = (dir: string) => join(dir, "root");

/** Base rc.d scripts the simulated host has (service(8) finds these before /usr/local/etc/rc.d). */
const BASE_RC_D = ["cron", "jail", "netif", "pf", "routing", "sshd", "syslogd"];

/** The state in `dir`, created (with a default pf.conf, devfs.rules and base rc.d) when absent. */
export function loadSimState(dir: string): SimState {
  try {
    return normalize(JSON.parse(readFileSync(statePath(dir), "utf8")) as SimState);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    const s = emptyState();
    const root = rootOf(dir);
    mkdirSync(join(root, "etc/rc.d"), { recursive: true });
    writeFileSync(join(root, "etc/pf.conf"), DEFAULT_PF_CONF, { flag: "wx" });
    writeFileSync(join(root, "etc/devfs.rules"), BASTILLE_DEVFS_RULES, { flag: "wx" });
    for (const name of BASE_RC_D) writeFileSync(join(root, "etc/rc.d", name), `#!/bin/sh\n# PROVIDE: ${name}\n`, { mode: 0o555 });
    saveSimState(dir, s);
    return s;
  }
}

/** Atomic replace of the state file. */
export function saveSimState(dir: string, s: SimState): void {
  mkdirSync(dir, { recursive: true });
  const tmp = `${statePath(dir)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(s, null, 2)}\n`);
  renameSync(tmp, statePath(dir));
}

export const DEFAULT_PF_CONF = `# pf.conf of the simulated host
ext_if = "vtnet0"
set skip on lo0
scrub in all
nat-anchor "soulsync"
include "/etc/pf.warden.conf"
anchor "soulsync"
block in log all
pass out all keep state
pass in on $ext_if proto tcp to port 22 keep state
`;

/** The ruleset `bastille setup vnet` writes (BastilleBSD/bastille 1.4.4 setup.sh). */
export const BASTILLE_DEVFS_RULES = `[bastille_vnet=13]
add include $devfsrules_hide_all
add include $devfsrules_unhide_basic
add include $devfsrules_unhide_login
add include $devfsrules_jail
add include $devfsrules_jail_vnet
add path 'bpf*' unhide
`;

// The simulated FreeBSD host: one JSON state file plus a root directory for files.
// Written atomically so a crash never leaves half a state.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface SimJail {
  ip: string;
  gateway: string;
  release: string;
  bridge: string;
  jid: number | undefined;
}

export interface SimState {
  version: 1;
  interfaces: Record<string, { addresses: string[]; bridge: boolean; ether: string }>;
  rc: Record<string, string>;
  pf: { loaded: Record<string, string> };
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
    interfaces: { vtnet0: { addresses: ["192.0.2.10/24"], bridge: false, ether: "58:9c:fc:00:00:01" }, lo0: { addresses: ["127.0.0.1/8"], bridge: false, ether: "" } },
    rc: { hostname: "sim.example.org", ifconfig_vtnet0: "DHCP", pf_enable: "YES", sshd_enable: "YES" },
    pf: { loaded: {} },
    jails: {},
    services: {},
    db: { roles: [], databases: {} },
    nextPid: 4100,
    nextJid: 1,
    fail: [],
    log: [],
  };
}

export const statePath = (dir: string) => join(dir, "state.json");
export const rootOf = (dir: string) => join(dir, "root");

/** The state in `dir`, created (with a default pf.conf) when absent. */
export function loadSimState(dir: string): SimState {
  try {
    return JSON.parse(readFileSync(statePath(dir), "utf8")) as SimState;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    const s = emptyState();
    mkdirSync(join(rootOf(dir), "etc"), { recursive: true });
    writeFileSync(join(rootOf(dir), "etc/pf.conf"), DEFAULT_PF_CONF, { flag: "wx" });
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

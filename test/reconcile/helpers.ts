// Test helpers: host repos built from a few agent fields, and a fake FreeBSD host for the freebsd driver.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSimState, type SimState, saveSimState } from "../../src/reconcile/drivers/sim/state.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";

export const FAKE_BIN = fileURLToPath(new URL("./fake-bin", import.meta.url));

export interface AgentFixture {
  name: string;
  base: string;
  /** Extra or overriding .env lines. */
  env?: Record<string, string>;
}

/** The .env text of an agent: name, subnet, gateway and git/cms jails, plus `extra`. */
export function envText(a: AgentFixture): string {
  const lines: Record<string, string> = {
    AGENT_NAME: a.name,
    ASSISTANT_NAME: a.name.toUpperCase(),
    AGENT_SUBNET_BASE: a.base,
    WARDEN_GATEWAY: `${a.base}.1`,
    WARDEN_SUBNET: `${a.base}.0/24`,
    WARDEN_GIT_IP: `${a.base}.2`,
    WARDEN_CMS_IP: `${a.base}.3`,
    SYSTEM_LOCALE: "sl_SI.UTF-8",
    DISPLAY_LOCALE: "sl-SI",
    ...a.env,
  };
  return `${Object.entries(lines)
    .map(([k, v]) => `${k}=${v}`)
    .join("\n")}\n`;
}

/** host.yaml for the agents; `pf` overrides host.pf. */
export function hostYaml(agents: AgentFixture[], pf = "{ mode: include }"): string {
  const list = agents.map((a) => `  - name: ${a.name}\n    soul: { url: /srv/git/${a.name}-soul.git }\n`).join("");
  return `version: 1\nhost:\n  ext_if: vtnet0\n  bridge: warden0\n  release: 14.3-RELEASE\n  pf: ${pf}\nagents:\n${list}`;
}

/** Writes a host repo for `agents` into a fresh directory. */
export function hostRepo(agents: AgentFixture[], pf?: string): string {
  const dir = tmpDir("soulsync-host-");
  writeTree(dir, { "host.yaml": hostYaml(agents, pf), ...Object.fromEntries(agents.map((a) => [`agents/${a.name}.env`, envText(a)])) });
  return dir;
}

/** A fresh fake FreeBSD host directory (state.json + root/), optionally with failures injected. */
export function fakeHost(fail: string[] = []): { dir: string; root: string } {
  const dir = tmpDir("soulsync-fakehost-");
  const s = loadSimState(dir);
  s.fail = fail;
  saveSimState(dir, s);
  return { dir, root: join(dir, "root") };
}

/** The fake host's state. */
export function stateOf(dir: string): SimState {
  return JSON.parse(readFileSync(join(dir, "state.json"), "utf8")) as SimState;
}

/** Sets the injected failures of a fake host. */
export function setFail(dir: string, fail: string[]): void {
  const s = loadSimState(dir);
  s.fail = fail;
  saveSimState(dir, s);
}

/**
 * Every argv the fake tools received, in order. Throws when the fake tools never wrote their log
 * (nothing ran, or FAKE_FREEBSD_DIR pointed elsewhere), so "never ran X" cannot pass on no run.
 */
export function callsOf(dir: string): string[][] {
  const log = join(dir, "calls.log");
  if (!existsSync(log)) throw new Error(`${log} does not exist: no fake FreeBSD tool ran against ${dir}`);
  const calls = readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as string[]);
  if (calls.length === 0) throw new Error(`${log} is empty: no fake FreeBSD tool ran against ${dir}`);
  return calls;
}

/**
 * True for a command that only reads the host, by each tool's manual: `ifconfig [IFACE|-a]` (no
 * operands), `sysrc -a` / `sysrc -n NAME` (no assignment), `bastille list`/`--version`, `jls`,
 * `service NAME status|onestatus`, `pfctl -s…` (show). Anything else may change the host.
 */
export function isObservation(argv: string[]): boolean {
  const [tool, ...args] = argv;
  switch (tool) {
    case "ifconfig":
      return args.length <= 1;
    case "sysrc":
      return args.every((a) => !a.includes("=")) && (args[0] === "-a" || args[0] === "-n");
    case "bastille":
      return args[0] === "list" || args[0] === "--version" || args[0] === "-v";
    case "jls":
      return true;
    case "service":
      return args.length === 2 && (args[1] === "status" || args[1] === "onestatus");
    case "pfctl":
      return args.length >= 1 && /^-s/.test(args[0]!);
    case "sysctl":
      return args[0] === "-n" && args.length === 2 && !args[1]!.includes("=");
    default:
      return false;
  }
}

// observe: read the host through the driver and parse what the tools print (parsers are pure).
import { isSoulsyncError } from "../../core/errors.js";
import type { RunResult } from "../../exec/run.js";
import type { Step } from "../actions.js";
import type { Driver } from "../drivers/types.js";
import type { Want } from "../want.js";
import { parseBastilleJson } from "./parse/bastille-json.js";
import { parseIfconfig } from "./parse/ifconfig.js";
import { parseServiceStatus } from "./parse/service.js";
import { parseSysrcAll } from "./parse/sysrc.js";
import type { DatabaseHave, Have, JailsHave, NetworkHave, PfHave, ServiceHave } from "./types.js";

/** A read whose program may be missing (Bastille not installed): undefined then. */
async function readIfInstalled(d: Driver, argv: string[]): Promise<RunResult | undefined> {
  try {
    return await d.read(argv);
  } catch (e) {
    if (isSoulsyncError(e) && e.code === "E_CMD_NOT_FOUND") return undefined;
    throw e;
  }
}

const rcOf = async (d: Driver) => parseSysrcAll((await d.read(["sysrc", "-a"])).stdout);

/** Bridge state from `ifconfig BRIDGE`, rc.conf from `sysrc -a`, IP forwarding from sysctl. */
export async function observeNetwork(d: Driver, want: Want): Promise<NetworkHave> {
  const ifc = await d.read(["ifconfig", want.network.bridge]);
  const info = ifc.exitCode === 0 ? parseIfconfig(ifc.stdout) : undefined;
  const fwd = await d.read(["sysctl", "-n", "net.inet.ip.forwarding"]);
  return {
    bridgeExists: info !== undefined,
    bridgeUp: info?.up ?? false,
    addresses: info?.inet ?? [],
    forwarding: fwd.exitCode === 0 ? fwd.stdout.trim() : undefined,
    rc: await rcOf(d),
  };
}

/** The managed pf file, pf.conf, the kernel's NAT rules and whether pf is enabled. */
export async function observePf(d: Driver, want: Want): Promise<PfHave> {
  const anchor = want.pf.mode === "anchor" ? ["-a", want.pf.anchor] : [];
  const nat = await d.read(["pfctl", ...anchor, "-sn"]);
  const info = await d.read(["pfctl", "-si"]);
  return {
    content: await d.readFile(want.pf.file.path),
    conf: await d.readFile(want.pf.conf),
    nat: nat.exitCode === 0 ? nat.stdout.split("\n").map((l) => l.trim()).filter(Boolean) : [],
    enabled: info.exitCode === 0 && /^Status: Enabled\b/m.test(info.stdout),
    rc: await rcOf(d),
  };
}

/**
 * Bastille's version (once per pass: the jails step observes once), every jail (`bastille list -j`),
 * which run (`jls name`, one name a line), the bootstrapped releases and the devfs rules.
 */
export async function observeJails(d: Driver): Promise<JailsHave> {
  const version = await readIfInstalled(d, ["bastille", "--version"]);
  const base = { devfsRules: await d.readFile("/etc/devfs.rules"), rc: await rcOf(d) };
  // Bastille 1.4 prints its version on stderr (info 1 → fd 2), earlier ones on stdout.
  const text = version && version.exitCode === 0 ? `${version.stdout}\n${version.stderr}`.trim() : undefined;
  if (text === undefined) return { jails: [], version: undefined, releases: [], ...base };
  const list = await d.read(["bastille", "list", "-j"]);
  const running = new Set((await d.read(["jls", "name"])).stdout.split("\n").map((l) => l.trim()).filter(Boolean));
  const releases = (await d.read(["bastille", "list", "releases"])).stdout.split("\n").map((l) => l.trim()).filter(Boolean);
  const rows = list.exitCode === 0 ? (parseBastilleJson(list.stdout) ?? []) : [];
  const jails = rows.map((j) => ({ name: j.name, state: j.state, ip: j.ip, running: running.has(j.name) }));
  return { jails, version: text, releases, ...base };
}

/** Which of the agents' roles and databases exist. */
export async function observeDatabase(d: Driver, want: Want): Promise<DatabaseHave> {
  if (want.database.length === 0) return { roles: [], databases: [] };
  return d.db.observe(
    want.database.map((x) => x.role),
    want.database.flatMap((x) => x.databases),
  );
}

/** rc.d scripts (ours and a base one of the same name), project .env files, rc.conf and `service NAME onestatus`. */
export async function observeService(d: Driver, want: Want): Promise<ServiceHave> {
  const rc = await rcOf(d);
  const services = [];
  for (const s of want.services) {
    const rcContent = await d.readFile(s.rc.path);
    const envContent = await d.readFile(s.env.path);
    const baseScript = (await d.readFile(`/etc/rc.d/${s.service}`)) !== undefined;
    let running = false;
    if (rcContent !== undefined && !baseScript) {
      const st = await d.read(["service", s.service, "onestatus"]);
      running = parseServiceStatus(s.service, `${st.stdout}\n${st.stderr}`).running;
    }
    services.push({ service: s.service, rcContent, envContent, running, baseScript });
  }
  return { rc, services };
}

/** Observes one step. */
export async function observeStep(step: Step, d: Driver, want: Want): Promise<Have[Step]> {
  switch (step) {
    case "network":
      return observeNetwork(d, want);
    case "pf":
      return observePf(d, want);
    case "jails":
      return observeJails(d);
    case "database":
      return observeDatabase(d, want);
    case "service":
      return observeService(d, want);
  }
}

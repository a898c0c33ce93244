// Simulated Bastille: `create -B -g GW NAME RELEASE IP/24 BRIDGE`, start, stop, destroy, list.
import { CIDR, fail, IPV4, ok, type Tool, type ToolEnv } from "./types.js";

const JAIL = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const RELEASE = /^\d+\.\d+-(RELEASE|STABLE|CURRENT|BETA\d*|RC\d*)(-p\d+)?$/;

/** The table `bastille list` prints (Bastille ≥ 0.14 columns). */
export function bastilleTable(env: ToolEnv): string {
  const rows = Object.entries(env.state.jails).sort(([a], [b]) => a.localeCompare(b));
  const w = Math.max(10, ...rows.map(([n]) => n.length)) + 2;
  const pad = (s: string, n: number) => s.padEnd(n);
  const lines = [` ${pad("JID", 5)}${pad("Name", w)}${pad("Boot", 6)}${pad("Prio", 6)}${pad("State", 7)}${pad("Type", 7)}${pad("IP Address", 17)}${pad("Published Ports", 17)}${pad("Release", 17)}Tags`];
  for (const [name, j] of rows) {
    const up = j.jid !== undefined;
    lines.push(` ${pad(up ? String(j.jid) : "-", 5)}${pad(name, w)}${pad("on", 6)}${pad("99", 6)}${pad(up ? "Up" : "Down", 7)}${pad("thin", 7)}${pad(j.ip.split("/")[0]!, 17)}${pad("-", 17)}${pad(up ? `${j.release}-p2` : j.release, 17)}-`);
  }
  return `${lines.join("\n")}\n`;
}

export const bastille: Tool = (args, env) => {
  const s = env.state;
  const [cmd, ...rest] = args;
  if (cmd === "list" && rest.length === 0) return ok(bastilleTable(env));
  if (cmd === "create") {
    if (s.fail.includes("bastille-create")) return fail("[ERROR]: Failed to create jail (injected).");
    const opts = { B: false, g: undefined as string | undefined };
    let i = 0;
    for (; i < rest.length && rest[i]!.startsWith("-"); i++) {
      if (rest[i] === "-B" || rest[i] === "--bridge") opts.B = true;
      else if ((rest[i] === "-g" || rest[i] === "--gateway") && rest[i + 1]) opts.g = rest[++i];
      else return fail(`[ERROR]: Unknown option: "${rest[i]}"`);
    }
    const pos = rest.slice(i);
    if (pos.length !== 4) return fail("Usage: bastille create [option(s)] NAME RELEASE IP [INTERFACE]");
    const [name, release, ip, iface] = pos as [string, string, string, string];
    if (!JAIL.test(name)) return fail(`[ERROR]: Jail names may not contain special characters: ${name}`);
    if (s.jails[name]) return fail(`[ERROR]: Jail already exists: ${name}`);
    if (!RELEASE.test(release)) return fail(`[ERROR]: Unknown Release: ${release}`);
    const m = CIDR.exec(ip);
    if (!m || !IPV4.test(m[1]!)) return fail(`[ERROR]: Invalid IP: ${ip}`);
    if (opts.g !== undefined && !IPV4.test(opts.g)) return fail(`[ERROR]: Invalid gateway: ${opts.g}`);
    if (opts.B && !s.interfaces[iface]?.bridge) return fail(`[ERROR]: Bridge interface not found: ${iface}`);
    if (!opts.B && !s.interfaces[iface]) return fail(`[ERROR]: Interface not found: ${iface}`);
    if (Object.values(s.jails).some((j) => j.ip.split("/")[0] === m[1])) return fail(`[ERROR]: IP address already in use: ${m[1]}`);
    s.jails[name] = { ip, gateway: opts.g ?? "", release, bridge: iface, jid: s.nextJid++ };
    return ok(`Creating a thinjail...\n${name}: created\n`, true);
  }
  if ((cmd === "start" || cmd === "stop" || cmd === "destroy") && rest.length === 1) {
    const j = s.jails[rest[0]!];
    if (!j) return fail(`[ERROR]: Jail not found: ${rest[0]}`);
    if (cmd === "start") {
      if (j.jid !== undefined) return fail(`[ERROR]: Jail already running: ${rest[0]}`);
      j.jid = s.nextJid++;
    } else if (cmd === "stop") {
      if (j.jid === undefined) return fail(`[ERROR]: Jail is not running: ${rest[0]}`);
      j.jid = undefined;
    } else {
      if (j.jid !== undefined) return fail(`[ERROR]: Jail running. See 'bastille stop ${rest[0]}'.`);
      delete s.jails[rest[0]!];
    }
    return ok(`[${rest[0]}]:\n${rest[0]}: ${cmd === "destroy" ? "destroyed" : cmd === "start" ? "created" : "removed"}\n`, true);
  }
  return fail(`Usage: bastille command TARGET [args]\nUnknown or malformed command: ${args.join(" ")}`);
};

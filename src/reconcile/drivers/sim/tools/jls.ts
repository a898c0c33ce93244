// jls(8) as usr.sbin/jls/jls.c (FreeBSD 14) prints it: without parameters the table
// "   JID  IP Address      Hostname                      Path" with rows "%6d  %-15.15s %-29.29s %.74s"
// (VNET jails show no address); with parameters (`jls name`, `jls jid name path`) one line per
// jail holding the values separated by spaces. -j selects one jail; unknown parameters are refused.
import { fail, ok, type Tool } from "./types.js";

const PARAMS = new Set(["jid", "name", "path", "host.hostname", "ip4.addr", "vnet"]);

export const jls: Tool = (args, env) => {
  let only: string | undefined;
  const params: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-j") {
      only = args[++i];
      if (only === undefined) return fail("jls: option requires an argument -- j\nusage: jls [-dhNnqv] [-j jail] [param ...]");
    } else if (a.startsWith("-")) return fail(`jls: illegal option -- ${a.slice(1, 2)}\nusage: jls [-dhNnqv] [-j jail] [param ...]`);
    else if (!PARAMS.has(a)) return fail(`jls: unknown parameter: ${a}`);
    else params.push(a);
  }
  let up = Object.entries(env.state.jails)
    .filter(([, j]) => j.jid !== undefined)
    .sort(([, a], [, b]) => a.jid! - b.jid!);
  if (only !== undefined) {
    up = up.filter(([n, j]) => n === only || String(j.jid) === only);
    if (up.length === 0) return fail(`jls: jail "${only}" not found`);
  }
  const path = (n: string) => `/usr/local/bastille/jails/${n}/root`;
  if (params.length > 0) {
    const value = (n: string, jid: number, p: string) => (p === "jid" ? String(jid) : p === "name" || p === "host.hostname" ? n : p === "path" ? path(n) : p === "vnet" ? "new" : "-");
    return ok(up.map(([n, j]) => `${params.map((p) => value(n, j.jid!, p)).join(" ")}\n`).join(""));
  }
  const lines = ["   JID  IP Address      Hostname                      Path"];
  for (const [n, j] of up) lines.push(`${String(j.jid).padStart(6)}  ${"".padEnd(15)} ${n.padEnd(29).slice(0, 29)} ${path(n).slice(0, 74)}`);
  return ok(`${lines.join("\n")}\n`);
};

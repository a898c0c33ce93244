// Simulated jls(8) without arguments: the running jails as a fixed-width table.
import { fail, ok, type Tool } from "./types.js";

export const jls: Tool = (args, env) => {
  if (args.length > 0) return fail("usage: jls [-dhNnqv] [-j jail] [param ...]");
  const lines = ["   JID  IP Address      Hostname                      Path"];
  const up = Object.entries(env.state.jails).filter(([, j]) => j.jid !== undefined).sort(([, a], [, b]) => a.jid! - b.jid!);
  for (const [name, j] of up) {
    // VNET jails show no address in this column.
    lines.push(`${String(j.jid).padStart(6)}  ${"".padEnd(15)} ${name.padEnd(29).slice(0, 29)} /usr/local/bastille/jails/${name}/root`);
  }
  return ok(`${lines.join("\n")}\n`);
};

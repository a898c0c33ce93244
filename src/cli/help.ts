// What `--help` and the man page say beyond commander's usage, options and description: each
// command's exit statuses and examples, kept beside its definition so both read one source.
import { type Command, Help } from "commander";

export interface Manual {
  /** Exit status → what it means for this command. */
  exit: [status: number, meaning: string][];
  /** Command lines, each a complete example. */
  examples: string[];
  /** A closing paragraph (where the command looks for things), wrapped like the description. */
  notes?: string;
}

const manuals = new WeakMap<Command, Manual>();

/** Attaches exit statuses and examples to a command (printed by --help, read by the man page). */
export function manual<C extends Command>(cmd: C, m: Manual): C {
  manuals.set(cmd, m);
  return cmd;
}

export function manualOf(cmd: Command): Manual | undefined {
  return manuals.get(cmd);
}

/** The exit statuses every command shares, for commands that add nothing of their own. */
export const COMMON_EXIT: Manual["exit"] = [
  [0, "success"],
  [1, "the input is bad, a secret was found, or output is stale"],
  [2, "usage or environment error (bad flags, missing tool, unreachable server)"],
];

/** commander's help, then "Exit status:" and "Examples:", wrapped to the same width. */
export function formatHelp(cmd: Command, helper: Help): string {
  const base = Help.prototype.formatHelp.call(helper, cmd, helper);
  const m = manuals.get(cmd);
  if (!m) return base;
  const width = Math.max(...m.exit.map(([s]) => String(s).length));
  const exit = m.exit.map(([s, meaning]) => helper.formatItem(String(s), width, meaning, helper));
  const examples = m.examples.map((e) => `  ${e}`);
  const notes = m.notes ? `\n${helper.boxWrap(m.notes, helper.helpWidth ?? 80)}\n` : "";
  return `${base}\nExit status:\n${exit.join("\n")}\n\nExamples:\n${examples.join("\n")}\n${notes}`;
}

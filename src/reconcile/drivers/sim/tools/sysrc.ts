// sysrc(8) on rc.conf as freebsd/freebsd-src usr.sbin/sysrc/sysrc and its tests
// (usr.sbin/sysrc/tests/sysrc_test.sh, 2025) show it: each argument in turn; NAME prints
// "NAME: value"; NAME=VALUE, NAME+=VALUE (not added again when present) and NAME-=VALUE print
// "NAME: old -> new"; -x NAME removes silently; -n prints the value only; -a lists everything;
// an unknown variable is "sysrc: unknown variable 'NAME'" on stderr and exit status 1.
import { fail, ok, type Tool } from "./types.js";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const USAGE = "usage: sysrc [-cdDeEhinNqvx] [-s name] [-j jail|-R dir] [-f file ...] name[[+|-]=value] ...";

export const sysrc: Tool = (args, env) => {
  const rc = env.state.rc;
  let remove = false;
  let valueOnly = false;
  let i = 0;
  for (; i < args.length && args[i]!.startsWith("-"); i++) {
    const o = args[i]!;
    if (o === "-a") return ok(Object.keys(rc).sort().map((k) => `${k}: ${rc[k]}\n`).join(""));
    if (o === "-x") remove = true;
    else if (o === "-n") valueOnly = true;
    else return fail(`sysrc: illegal option -- ${o.slice(1, 2)}\n${USAGE}`, 2);
  }
  const names = args.slice(i);
  if (names.length === 0) return fail(USAGE, 2);
  let stdout = "";
  let stderr = "";
  let status = 0;
  let mutated = false;
  const unknown = (n: string) => {
    stderr += `sysrc: unknown variable '${n}'\n`;
    status = 1;
  };
  for (const arg of names) {
    const m = /^([^=+-]+)([+-]?=)(.*)$/s.exec(arg);
    if (!m || remove) {
      if (!NAME.test(arg)) {
        unknown(arg);
        continue;
      }
      if (!(arg in rc)) unknown(arg);
      else if (remove) {
        delete rc[arg];
        mutated = true;
      } else stdout += valueOnly ? `${rc[arg]}\n` : `${arg}: ${rc[arg]}\n`;
      continue;
    }
    const [, name, op, value] = m as unknown as [string, string, string, string];
    if (!NAME.test(name) || value.includes("\n")) {
      unknown(name);
      continue;
    }
    const before = rc[name] ?? "";
    const words = before.split(/\s+/).filter(Boolean);
    if (op === "+=") rc[name] = words.includes(value) ? before : [...words, value].join(" ");
    else if (op === "-=") rc[name] = words.filter((w) => w !== value).join(" ");
    else rc[name] = value;
    mutated = true;
    stdout += `${name}: ${before} -> ${rc[name]}\n`;
  }
  return { exitCode: status, stdout, stderr, mutated };
};

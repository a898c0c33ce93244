// Simulated sysrc(8) on rc.conf: -a, -n NAME, -x NAME, NAME, NAME=VALUE, NAME+=VALUE.
import { fail, ok, type Tool } from "./types.js";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const sysrc: Tool = (args, env) => {
  const rc = env.state.rc;
  if (args.length === 1 && args[0] === "-a") {
    return ok(Object.keys(rc).sort().map((k) => `${k}: ${rc[k]}\n`).join(""));
  }
  if (args.length === 2 && (args[0] === "-n" || args[0] === "-x")) {
    const name = args[1]!;
    if (!NAME.test(name)) return fail(`sysrc: ${name}: invalid variable name`);
    if (args[0] === "-n") return name in rc ? ok(`${rc[name]}\n`) : fail(`sysrc: unknown variable '${name}'`);
    if (!(name in rc)) return fail(`sysrc: unknown variable '${name}'`);
    delete rc[name];
    return ok("", true);
  }
  if (args.length !== 1 || args[0]!.startsWith("-")) return fail("usage: sysrc [-cdDeEhinNqvx] [-f file] [-j jail] name[[+|-]=value] ...", 1);
  const arg = args[0]!;
  const m = /^([^=+]+)(\+?=)(.*)$/s.exec(arg);
  if (!m) {
    if (!NAME.test(arg)) return fail(`sysrc: ${arg}: invalid variable name`);
    return arg in rc ? ok(`${arg}: ${rc[arg]}\n`) : fail(`sysrc: unknown variable '${arg}'`);
  }
  const [, name, op, value] = m as unknown as [string, string, string, string];
  if (!NAME.test(name)) return fail(`sysrc: ${name}: invalid variable name`);
  if (value.includes("\n")) return fail("sysrc: value contains a newline");
  const before = rc[name] ?? "";
  if (op === "+=") {
    const words = before.split(/\s+/).filter(Boolean);
    if (!words.includes(value)) words.push(value);
    rc[name] = words.join(" ");
  } else rc[name] = value;
  return ok(`${name}: ${before} -> ${rc[name]}\n`, true);
};

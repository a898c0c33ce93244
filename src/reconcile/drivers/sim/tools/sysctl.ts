// sysctl(8) as sbin/sysctl/sysctl.c (FreeBSD 14) prints it: `sysctl -n NAME` the value,
// `sysctl NAME` "NAME: value", `sysctl NAME=VALUE` "NAME: old -> new"; an unknown name is
// "sysctl: unknown oid 'NAME'" with exit status 1.
import { fail, ok, type Tool } from "./types.js";

export const sysctl: Tool = (args, env) => {
  const values = env.state.sysctl;
  const valueOnly = args[0] === "-n";
  const names = valueOnly ? args.slice(1) : args;
  if (names.length === 0) return fail("usage: sysctl [-bdeFhiJlNnoqTtWx] [ -B <bufsize> ] [-f filename] name[=value] ...");
  let stdout = "";
  let mutated = false;
  for (const arg of names) {
    const [name, value] = arg.split("=", 2) as [string, string | undefined];
    if (!(name in values)) return { exitCode: 1, stdout, stderr: `sysctl: unknown oid '${name}'\n`, mutated };
    if (value === undefined) stdout += valueOnly ? `${values[name]}\n` : `${name}: ${values[name]}\n`;
    else {
      if (!/^-?\d+$/.test(value)) return { exitCode: 1, stdout, stderr: `sysctl: invalid integer '${value}'\n`, mutated };
      stdout += `${name}: ${values[name]} -> ${value}\n`;
      values[name] = value;
      mutated = true;
    }
  }
  return ok(stdout, mutated);
};

// Simulated service(8) for rc.d scripts under /usr/local/etc/rc.d: onestart, start, restart, stop, (one)status.
import { accessSync, constants } from "node:fs";
import { join } from "node:path";
import { fail, ok, type Tool } from "./types.js";

export const service: Tool = (args, env) => {
  if (args.length !== 2) return fail("usage: service [-j <jail name or id>] [-v] <rc.d script> start|stop|etc.");
  const [name, verb] = args as [string, string];
  const script = join(env.root, "usr/local/etc/rc.d", name);
  try {
    accessSync(script, constants.X_OK);
  } catch {
    return fail(`${name} does not exist in /etc/rc.d or the local startup directories (/usr/local/etc/rc.d), or is not executable`);
  }
  const one = verb.startsWith("one");
  const action = one ? verb.slice(3) : verb;
  const enabled = env.state.rc[`${name}_enable`] === "YES";
  if (!one && !enabled) return fail(`Cannot '${action}' ${name}. Set ${name}_enable to YES in /etc/rc.conf or use 'one${action}' instead of '${action}'.`);
  env.state.services[name] ??= { pid: undefined, starts: 0 };
  const s = env.state.services[name];
  switch (action) {
    case "status":
      return s.pid !== undefined ? ok(`${name} is running as pid ${s.pid}.\n`) : { exitCode: 1, stdout: `${name} is not running.\n`, stderr: "" };
    case "start":
      if (s.pid !== undefined) return fail(`${name} already running? (pid=${s.pid}).`);
      s.pid = env.state.nextPid++;
      s.starts++;
      return ok(`Starting ${name}.\n`, true);
    case "stop":
      if (s.pid === undefined) return fail(`${name} not running? (check /var/run/${name}.pid).`);
      s.pid = undefined;
      return ok(`Stopping ${name}.\n`, true);
    case "restart": {
      const was = s.pid;
      s.pid = env.state.nextPid++;
      s.starts++;
      return ok(`${was !== undefined ? `Stopping ${name}.\nWaiting for PIDS: ${was}.\n` : ""}Starting ${name}.\n`, true);
    }
    default:
      return fail(`/usr/local/etc/rc.d/${name}: unknown directive '${verb}'.`);
  }
};

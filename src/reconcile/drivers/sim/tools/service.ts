// service(8) as usr.sbin/service/service.sh runs scripts: /etc/rc.d first, then the local startup
// directory; a missing one is reported on stdout ("NAME does not exist in /etc/rc.d or the local
// startup\ndirectories (/usr/local/etc/rc.d), or is not executable"), status 1. What the script
// does follows rc.subr's run_rc_command (libexec/rc/rc.subr): without one/force a disabled
// service prints "Cannot 'start' NAME. Set NAME_enable to YES …" and exits 0; status prints
// "NAME is running as pid N." or "NAME is not running." (status 1). The base pf script starts
// like libexec/rc/rc.d/pf: flush, load /etc/pf.conf, enable.
import { accessSync, constants } from "node:fs";
import { join } from "node:path";
import { loadRuleset } from "./pfctl.js";
import { fail, ok, type Tool, type ToolEnv, type ToolResult } from "./types.js";

const LOCAL = "/usr/local/etc/rc.d";

function scriptOf(env: ToolEnv, name: string): string | undefined {
  for (const dir of ["/etc/rc.d", LOCAL]) {
    try {
      accessSync(join(env.root, dir, name), constants.X_OK);
      return `${dir}/${name}`;
    } catch {}
  }
  return undefined;
}

function pf(action: string, env: ToolEnv): ToolResult {
  const s = env.state.pf;
  if (action === "status") return s.enabled ? ok("Status: Enabled\n") : { exitCode: 1, stdout: "pf is not enabled\n", stderr: "" };
  if (action === "start") {
    s.nat.main = [];
    delete s.loaded.main;
    const r = loadRuleset(env, env.state.rc.pf_rules ?? "/etc/pf.conf", "main", false);
    s.enabled = true;
    return { exitCode: 0, stdout: "Enabling pf.\n", stderr: r.stderr, mutated: true };
  }
  if (action === "stop") {
    s.enabled = false;
    return ok("Disabling pf.\n", true);
  }
  return fail(`/etc/rc.d/pf: unknown directive '${action}'.`);
}

export const service: Tool = (args, env) => {
  if (args.length !== 2) return fail("usage: service [-j <jail name or id>] [-rv] <rc.d script> start|stop|etc.\n       service -e\n       service -R\n       service [-j <jail name or id>] -l | -r");
  const [name, verb] = args as [string, string];
  const script = scriptOf(env, name);
  if (!script) return { exitCode: 1, stdout: `${name} does not exist in /etc/rc.d or the local startup\ndirectories (${LOCAL}), or is not executable\n`, stderr: "" };
  const prefix = /^(one|force|quiet|fast)/.exec(verb)?.[1] ?? "";
  const action = verb.slice(prefix.length);
  const enabled = /^(yes|true|on|1)$/i.test(env.state.rc[`${name}_enable`] ?? "");
  if (!prefix && !enabled && action !== "status" && action !== "stop") {
    return ok(`Cannot '${action}' ${name}. Set ${name}_enable to YES in /etc/rc.conf or use 'one${action}' instead of '${action}'.\n`);
  }
  if (name === "pf" && script === "/etc/rc.d/pf") return pf(action, env);
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
    case "stop": {
      if (s.pid === undefined) return fail(`${name} not running? (check /var/run/${name}.pid).`);
      const was = s.pid;
      s.pid = undefined;
      return ok(`Stopping ${name}.\nWaiting for PIDS: ${was}.\n`, true);
    }
    case "restart": {
      const was = s.pid;
      s.pid = env.state.nextPid++;
      s.starts++;
      return { exitCode: 0, stdout: `${was !== undefined ? `Stopping ${name}.\nWaiting for PIDS: ${was}.\n` : ""}Starting ${name}.\n`, stderr: was === undefined ? `${name} not running? (check /var/run/${name}.pid).\n` : "", mutated: true };
    }
    default:
      return fail(`${script}: unknown directive '${verb}'.`);
  }
};

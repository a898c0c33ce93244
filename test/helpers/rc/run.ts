// Runs an rc.d script the way rc.subr would, on this machine: the script's `. /etc/rc.subr` is
// pointed at the harness (test/helpers/rc/rc.subr, written after FreeBSD's rc.subr), and what
// start would run is read back as an argv, with daemon(8)'s options parsed as daemon.8 lists them.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { tmpDir } from "../tmp.js";

export const HARNESS = fileURLToPath(new URL("./rc.subr", import.meta.url));

export interface RcRun {
  status: number;
  stdout: string;
  stderr: string;
  /** The argv start handed to limits(1), i.e. what rc.subr runs; undefined when nothing ran. */
  argv: string[] | undefined;
  /** The directory start changed to (`${name}_chdir`). */
  chdir: string | undefined;
}

export interface RcHost {
  /** Stands for "/": pidfiles and `command` are looked up under it. */
  root: string;
  /** rc.conf lines the harness's load_rc_config sources. */
  rcConf?: string;
}

/** A fake host root with the given executables present (e.g. /usr/sbin/daemon). */
export function rcHost(executables: string[] = ["/usr/sbin/daemon"]): RcHost {
  const root = tmpDir("soulsync-rc-");
  for (const path of executables) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), "#!/bin/sh\n");
    chmodSync(join(root, path), 0o755);
  }
  mkdirSync(join(root, "var/run"), { recursive: true });
  return { root };
}

/** Runs `sh SCRIPT ARG` under the harness. */
export function runRc(script: string, arg: string, host: RcHost): RcRun {
  if (!/^\. \/etc\/rc\.subr$/m.test(script)) throw new Error("the script does not source /etc/rc.subr");
  const dir = tmpDir("soulsync-rcrun-");
  const file = join(dir, "script");
  writeFileSync(file, script.replace(/^\. \/etc\/rc\.subr$/m, `. ${HARNESS}`));
  const conf = join(dir, "rc.conf");
  writeFileSync(conf, host.rcConf ?? "");
  const argvLog = join(dir, "argv");
  const chdirLog = join(dir, "chdir");
  const r = spawnSync("/bin/sh", [file, arg], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH, RC_ROOT: host.root, RC_CONF: conf, RC_ARGV_LOG: argvLog, RC_CHDIR_LOG: chdirLog },
    timeout: 20_000,
  });
  return {
    status: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    argv: existsSync(argvLog) ? readFileSync(argvLog, "utf8").split("\n").slice(0, -1) : undefined,
    chdir: existsSync(chdirLog) ? readFileSync(chdirLog, "utf8").trim() : undefined,
  };
}

export interface DaemonArgv {
  /** Environment assignments rc.subr put before the command (`env K=V …`). */
  env: string[];
  flags: Set<string>;
  options: Map<string, string>;
  /** The supervised program and its arguments. */
  program: string[];
}

// daemon(8), FreeBSD 14 (usr.sbin/daemon/daemon.8, Dec 27 2023): [-cfHrS] [-p child_pidfile]
// [-P supervisor_pidfile] [-t title] [-u user] [-m output_mask] [-o output_file]
// [-s syslog_priority] [-T syslog_tag] [-l syslog_facility] [-R restart_delay_seconds] command …
const DAEMON_FLAGS = new Set(["c", "f", "H", "r", "S"]);
const DAEMON_OPTIONS = new Set(["p", "P", "t", "u", "m", "o", "s", "T", "l", "R"]);

/** Parses what rc.subr ran as `[env K=V…] /usr/sbin/daemon OPTIONS command…`; throws when it is not that. */
export function parseDaemonArgv(argv: readonly string[]): DaemonArgv {
  const rest = [...argv];
  const env: string[] = [];
  if (rest[0] === "env") {
    rest.shift();
    while (rest[0] !== undefined && /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0])) env.push(rest.shift()!);
  }
  const program = rest.shift();
  if (program !== "/usr/sbin/daemon") throw new Error(`rc.subr ran ${JSON.stringify(program)}, not /usr/sbin/daemon`);
  const flags = new Set<string>();
  const options = new Map<string, string>();
  for (let word = rest[0]; word?.startsWith("-") && word !== "--"; word = rest[0]) {
    rest.shift();
    for (let i = 1; i < word.length; i++) {
      const c = word[i]!;
      if (DAEMON_FLAGS.has(c)) flags.add(c);
      else if (DAEMON_OPTIONS.has(c)) {
        const value = i + 1 < word.length ? word.slice(i + 1) : rest.shift();
        if (value === undefined) throw new Error(`daemon: option requires an argument -- ${c}`);
        options.set(c, value);
        break;
      } else throw new Error(`daemon: illegal option -- ${c}`);
    }
  }
  if (rest[0] === "--") rest.shift();
  if (rest.length === 0) throw new Error("daemon: no command to run");
  return { env, flags, options, program: rest };
}

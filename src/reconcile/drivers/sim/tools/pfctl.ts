// pfctl(8) as freebsd/freebsd-src sbin/pfctl (FreeBSD 14: pfctl.c getopt
// "a:AdD:eqf:F:ghi:k:K:mMnNOo:Pp:rRs:t:T:vx:z", -s modifiers matched by prefix): -n -f FILE checks
// the ruleset with the pf.conf grammar (pf/parse.ts), -f loads it (the main ruleset, or the
// anchor given with -a), -s nat prints the loaded NAT rules, -s info the status line, -e/-d enable
// and disable, -F all flushes. Errors read like pfctl's: "FILE:LINE: syntax error" then
// "pfctl: Syntax error in config file: pf rules not loaded".
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePf } from "./pf/parse.js";
import { fail, ok, type Tool, type ToolEnv, type ToolResult } from "./types.js";

const USAGE = "usage: pfctl [-AdeghMmNnOPqRrvz] [-a anchor] [-D macro=value] [-F modifier]\n\t[-f file] [-i interface] [-K host | network] [-k host | network | label | id]\n\t[-o level] [-p device] [-s modifier] [-t table -T command [address ...]] [-x level]";
const WITH_ARG = new Set("aDfFiKkopstTx".split(""));
const FLAGS = new Set("AdeghMmNnOPqRrvz".split(""));
const SHOW = ["ether", "nat", "queue", "rules", "Anchors", "Sources", "states", "info", "Interfaces", "labels", "timeouts", "memory", "Tables", "osfp", "Running", "all", "creatorids"];

/** getopt(3): flags may be grouped (-nf FILE); an option's argument is the rest of the word or the next one. */
function getopt(args: string[]): { opts: Map<string, string>; flags: Set<string> } | string {
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("-") || a === "-") return `pfctl: extra argument ${a}`;
    for (let k = 1; k < a.length; k++) {
      const c = a[k]!;
      if (FLAGS.has(c)) flags.add(c);
      else if (WITH_ARG.has(c)) {
        const v = k + 1 < a.length ? a.slice(k + 1) : args[++i];
        if (v === undefined) return `pfctl: option requires an argument -- ${c}`;
        opts.set(c, v);
        break;
      } else return `pfctl: illegal option -- ${c}`;
    }
  }
  return { opts, flags };
}

function readHostFile(env: ToolEnv, path: string): string | undefined {
  try {
    return readFileSync(join(env.root, path), "utf8");
  } catch {
    return undefined;
  }
}

/** Parses `file` as pfctl would and, unless `check`, loads it into `anchor` ("main" by default). */
export function loadRuleset(env: ToolEnv, file: string, anchor: string, check: boolean): ToolResult {
  const parsed = parsePf(file, { read: (p) => readHostFile(env, p), interfaces: new Set(Object.keys(env.state.interfaces)) });
  if (env.state.fail.includes("pfctl-check")) parsed.errors.push(`${file}:1: syntax error`);
  if (parsed.errors.length > 0) return fail(`${parsed.errors.join("\n")}\npfctl: Syntax error in config file: pf rules not loaded`);
  if (check) return ok();
  if (env.state.fail.includes("pfctl-load")) return fail("pfctl: DIOCADDRULENV: Invalid argument");
  env.state.pf.loaded[anchor] = createHash("sha256").update(parsed.text).digest("hex");
  env.state.pf.nat[anchor] = parsed.nat;
  return ok("", true);
}

export const pfctl: Tool = (args, env) => {
  const g = getopt(args);
  if (typeof g === "string") return fail(`${g}\n${USAGE}`);
  const { opts, flags } = g;
  const pf = env.state.pf;
  const anchor = opts.get("a") ?? "main";
  if (anchor !== "main" && !/^[A-Za-z0-9_/-]+$/.test(anchor)) return fail(`pfctl: invalid anchor name ${anchor}`);
  if (flags.has("e") && flags.has("d")) return fail(USAGE);
  let stderr = "";
  let mutated = false;
  if (opts.has("F")) {
    const what = opts.get("F")!;
    if (what !== "all" && what !== "nat" && what !== "rules") return fail(`pfctl: Unknown flush modifier '${what}'`);
    if (what === "all" || what === "nat") pf.nat[anchor] = [];
    if (what === "all") delete pf.loaded[anchor];
    stderr += what === "all" ? "rules cleared\nnat cleared\n" : `${what} cleared\n`;
    mutated = true;
  }
  if (opts.has("f")) {
    const r = loadRuleset(env, opts.get("f")!, anchor, flags.has("n"));
    if (r.exitCode !== 0) return r;
    mutated ||= Boolean(r.mutated);
  }
  if (flags.has("e")) {
    if (pf.enabled) return { exitCode: 1, stdout: "", stderr: `${stderr}pfctl: pf already enabled\n`, mutated };
    pf.enabled = true;
    mutated = true;
    if (!flags.has("q")) stderr += "pf enabled\n";
  }
  if (flags.has("d")) {
    if (!pf.enabled) return { exitCode: 1, stdout: "", stderr: `${stderr}pfctl: pf not enabled\n`, mutated };
    pf.enabled = false;
    mutated = true;
    stderr += "pf disabled\n";
  }
  if (opts.has("s")) {
    const what = SHOW.find((m) => m.startsWith(opts.get("s")!));
    if (!what) return fail(`pfctl: Unknown show modifier '${opts.get("s")}'`);
    if (what === "nat") return { exitCode: 0, stdout: (pf.nat[anchor] ?? []).map((l) => `${l}\n`).join(""), stderr, mutated };
    if (what === "info") {
      const status = pf.enabled ? "Enabled for 0 days 00:12:03" : "Disabled for 0 days 00:00:00";
      return { exitCode: 0, stdout: `Status: ${status}          Debug: Urgent\n\nState Table                          Total             Rate\n  current entries                        0               \n`, stderr, mutated };
    }
    return { exitCode: 0, stdout: "", stderr, mutated };
  }
  if (!opts.has("f") && !opts.has("F") && !flags.has("e") && !flags.has("d")) return fail(USAGE);
  return { exitCode: 0, stdout: "", stderr, mutated };
};

// Simulated pfctl(8): `[-a anchor] -nf FILE` checks, `[-a anchor] -f FILE` checks then loads.
// The check follows includes, requires defined macros and the pf rule order, like the real parser.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fail, ok, type Tool, type ToolEnv } from "./types.js";

const ORDER = ["options", "normalization", "queueing", "translation", "filtering"] as const;
const PHASE: [RegExp, number][] = [
  [/^set\s/, 0],
  [/^scrub\b/, 1],
  [/^(altq|queue)\b/, 2],
  [/^(nat|rdr|binat|nat-anchor|rdr-anchor|binat-anchor)\b/, 3],
  [/^(pass|block|anchor|antispoof|match|load anchor)\b/, 4],
];

interface Parsed {
  errors: string[];
  text: string;
}

function readHostFile(env: ToolEnv, path: string): string | undefined {
  try {
    return readFileSync(join(env.root, path), "utf8");
  } catch {
    return undefined;
  }
}

/** Checks a ruleset file the way `pfctl -n` would, following `include`. */
export function checkRuleset(env: ToolEnv, path: string): Parsed {
  const errors: string[] = [];
  const macros = new Map<string, string>();
  let phase = 0;
  let out = "";
  const visit = (file: string, depth: number) => {
    const text = readHostFile(env, file);
    if (text === undefined) {
      errors.push(`pfctl: cannot open the main config file!: ${file}: No such file or directory`);
      return;
    }
    out += text;
    const lines = text.replace(/\\\n/g, " ").split("\n");
    lines.forEach((raw, i) => {
      const line = raw.replace(/#.*$/, "").trim();
      if (!line) return;
      const where = `${file}:${i + 1}`;
      const inc = /^include\s+"([^"]+)"$/.exec(line);
      if (inc) {
        if (depth > 5) errors.push(`${where}: include depth exceeded`);
        else visit(inc[1]!, depth + 1);
        return;
      }
      const macro = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"([^"]*)"$/.exec(line);
      if (macro) {
        macros.set(macro[1]!, macro[2]!);
        const list = /^\{(.*)\}$/.exec(macro[2]!.trim());
        if (list && !list[1]!.split(",").every((x) => /^\s*\d+\.\d+\.\d+\.\d+(\/\d+)?\s*$/.test(x))) errors.push(`${where}: syntax error`);
        return;
      }
      if (/^table\s+<[A-Za-z0-9_]+>/.test(line)) return;
      for (const m of line.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
        if (!macros.has(m[1]!)) errors.push(`${where}: macro '${m[1]}' not defined`);
      }
      const p = PHASE.find(([re]) => re.test(line));
      if (!p) {
        errors.push(`${where}: syntax error`);
        return;
      }
      if (p[1] < phase) errors.push(`${where}: Rules must be in order: ${ORDER.join(", ")}`);
      phase = Math.max(phase, p[1]);
      if (/^nat\s/.test(line) && !/->/.test(line)) errors.push(`${where}: syntax error`);
    });
  };
  visit(path, 0);
  return { errors, text: out };
}

export const pfctl: Tool = (args, env) => {
  let anchor: string | undefined;
  let check = false;
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-a" && args[i + 1] !== undefined) anchor = args[++i];
    else if (a === "-n") check = true;
    else if ((a === "-f" || a === "-nf") && args[i + 1] !== undefined) {
      check ||= a === "-nf";
      file = args[++i];
    } else return fail(`pfctl: illegal option -- ${a.replace(/^-+/, "")}\nusage: pfctl [-AdeghMmNnOPqRrvz] [-a anchor] [-f file] ...`);
  }
  if (!file) return fail("usage: pfctl [-AdeghMmNnOPqRrvz] [-a anchor] [-f file] ...");
  if (anchor !== undefined && !/^[A-Za-z0-9_/-]+$/.test(anchor)) return fail(`pfctl: invalid anchor name ${anchor}`);
  if (!file.startsWith("/")) return fail(`pfctl: ${file}: relative path refused by the simulation`);
  const parsed = checkRuleset(env, file);
  if (env.state.fail.includes("pfctl-check")) parsed.errors.push(`${file}:1: syntax error (injected)`);
  if (parsed.errors.length > 0) return fail(`${parsed.errors.join("\n")}\npfctl: Syntax error in config file: pf rules not loaded`);
  if (check) return ok();
  if (env.state.fail.includes("pfctl-load")) return fail("pfctl: DIOCADDRULENV: Invalid argument (injected)");
  env.state.pf.loaded[anchor ?? "main"] = createHash("sha256").update(parsed.text).digest("hex");
  return ok("", true);
};

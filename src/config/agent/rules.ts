// The DESIGN §4 rules for one agent's .env: pure, every problem at once, each at its key's line.
import { errorAt, type Problem, warningAt } from "../../core/problem.js";
import { AGENT_NAME_RE } from "../../soul/schema/names.js";
import type { ParsedEnv } from "../env/parse.js";
import { baseOf, hostOctet, isIpv4, isPrivateBase, isSubnetBase } from "../net.js";
import { describeValue } from "../../untrusted/describe.js";
import { displayTextProblem } from "../../untrusted/display-text.js";
import { isBcp47, systemLocaleProblem } from "./locale.js";
import { type AgentJail, type AgentRuntime, JAIL_ROLES, type JailRole } from "./model.js";

/** Bastille/jail(8) names: letters, digits, `_` and `-`, not starting with `-`. */
export const JAIL_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

const JAIL_KEYS: Record<JailRole, { ip: string; name: string; suffix: string }> = {
  git: { ip: "WARDEN_GIT_IP", name: "GIT_JAIL_NAME", suffix: "git" },
  cms: { ip: "WARDEN_CMS_IP", name: "CMS_JAIL_NAME", suffix: "cms" },
  ollama: { ip: "WARDEN_OLLAMA_IP", name: "OLLAMA_JAIL_NAME", suffix: "ollama" },
  llama_cpp: { ip: "WARDEN_LLAMA_CPP_IP", name: "LLAMA_CPP_JAIL_NAME", suffix: "llama" },
  db: { ip: "WARDEN_DB_IP", name: "DB_JAIL_NAME", suffix: "db" },
};
export { JAIL_KEYS };

export interface AgentCheck {
  problems: Problem[];
  /** Present when the agent's own rules passed (cross-agent rules are separate). */
  runtime?: AgentRuntime;
  /** Jails whose IP lies outside the agent's subnet: legal only when shared (checked across agents). */
  foreign: AgentJail[];
  lines: Record<string, number>;
}

/** Validates one parsed .env against the §4 table; `expected` is the name host.yaml gives the agent. */
export function validateAgentEnv(env: ParsedEnv, file: string, expected: string): AgentCheck {
  const v = env.values;
  const problems: Problem[] = [];
  const at = (key: string) => env.lines[key] ?? 0;
  const err = (key: string, code: string, msg: string) => problems.push(errorAt(file, code, `${key}: ${msg}`, at(key), 1));

  const name = v.AGENT_NAME;
  if (name === undefined) problems.push(errorAt(file, "E_ENV_MISSING", "AGENT_NAME: required", 0));
  else if (!AGENT_NAME_RE.test(name)) {
    err("AGENT_NAME", "E_AGENT_NAME", `${describeValue(name)} must start with a lowercase letter, then lowercase letters, digits or _ (at most 32): it names the rc.d service, tmux session, jails and database`);
  } else if (name !== expected) {
    err("AGENT_NAME", "E_AGENT_NAME_MISMATCH", `${describeValue(name)} differs from the agent name ${JSON.stringify(expected)} in host.yaml`);
  }

  const assistant = v.ASSISTANT_NAME;
  const hidden = assistant === undefined ? undefined : displayTextProblem(assistant);
  if (hidden) err("ASSISTANT_NAME", "E_ASSISTANT_NAME", `must be one line of plain text: it ${hidden}`);

  const base = v.AGENT_SUBNET_BASE;
  let baseOk = false;
  if (base === undefined) problems.push(errorAt(file, "E_ENV_MISSING", "AGENT_SUBNET_BASE: required (three octets, e.g. 10.0.1)", 0));
  else if (!isSubnetBase(base)) err("AGENT_SUBNET_BASE", "E_SUBNET_BASE", `${describeValue(base)} must be three octets such as 10.0.1`);
  else if (!isPrivateBase(base)) err("AGENT_SUBNET_BASE", "E_SUBNET_BASE", `${base} is not in a private range (10/8, 172.16/12, 192.168/16)`);
  else baseOk = true;

  const gateway = baseOk ? `${base}.1` : "";
  const subnet = baseOk ? `${base}.0/24` : "";
  if (baseOk && v.WARDEN_GATEWAY !== undefined && v.WARDEN_GATEWAY !== gateway) {
    err("WARDEN_GATEWAY", "E_GATEWAY", `${describeValue(v.WARDEN_GATEWAY)} must be ${gateway} (the subnet's .1, owned by the host on the bridge)`);
  }
  if (baseOk && v.WARDEN_SUBNET !== undefined && v.WARDEN_SUBNET !== subnet) {
    err("WARDEN_SUBNET", "E_SUBNET", `${describeValue(v.WARDEN_SUBNET)} must be ${subnet}`);
  }

  const jails: AgentJail[] = [];
  const foreign: AgentJail[] = [];
  const seenIp = new Map<string, JailRole>();
  for (const role of JAIL_ROLES) {
    const keys = JAIL_KEYS[role];
    const ip = v[keys.ip];
    const given = v[keys.name];
    const jailName = given ?? (name ? `${name}-${keys.suffix}` : "");
    if (given !== undefined && !JAIL_NAME_RE.test(given)) {
      err(keys.name, "E_JAIL_NAME", `${describeValue(given)} must be letters, digits, _ or - (not first), at most 63`);
      continue;
    }
    if (ip === undefined) {
      if (given !== undefined) problems.push(warningAt(file, "W_JAIL_NO_IP", `${keys.name}: set but ${keys.ip} is not, so no jail is created`, at(keys.name), 1));
      continue;
    }
    if (!isIpv4(ip)) {
      err(keys.ip, "E_IP", `${describeValue(ip)} is not an IPv4 address`);
      continue;
    }
    if (!baseOk) continue;
    const octet = hostOctet(ip);
    const inside = baseOf(ip) === base;
    if (inside && (octet === 0 || octet === 255)) {
      err(keys.ip, "E_IP", `${ip} is the subnet's network or broadcast address`);
      continue;
    }
    if (ip === gateway) {
      err(keys.ip, "E_IP_GATEWAY", `${ip} is the gateway ${gateway}, owned by the host`);
      continue;
    }
    const jail: AgentJail = { role, name: jailName, ip, owner: inside ? (name ?? "") : "" };
    const twin = seenIp.get(ip);
    if (twin !== undefined) {
      const pair = new Set([twin, role]);
      if (pair.has("ollama") && pair.has("llama_cpp")) {
        // ollama and llama.cpp may share one jail and its IP: it is the ollama jail.
        const ollama = jails.find((j) => j.role === "ollama") ?? foreign.find((j) => j.role === "ollama");
        if (given !== undefined && ollama && given !== ollama.name) {
          err(keys.name, "E_IP_COLLISION", `llama.cpp shares ${ip} with the ollama jail ${ollama.name}, so its jail name must be ${ollama.name} too`);
        }
        continue;
      }
      err(keys.ip, "E_IP_COLLISION", `${ip} is already ${JAIL_KEYS[twin].ip}; only ollama and llama.cpp may share an IP`);
      continue;
    }
    seenIp.set(ip, role);
    if (inside) jails.push(jail);
    else if (given !== undefined) foreign.push(jail);
    else err(keys.ip, "E_IP_OUTSIDE_SUBNET", `${ip} is outside the agent's subnet ${subnet}`);
  }

  const locales = { display: v.DISPLAY_LOCALE, assistant: v.ASSISTANT_LOCALE, system: v.SYSTEM_LOCALE };
  for (const key of ["DISPLAY_LOCALE", "ASSISTANT_LOCALE"] as const) {
    const tag = v[key];
    if (tag !== undefined && !isBcp47(tag)) err(key, "E_LOCALE", `${describeValue(tag)} is not a BCP 47 tag such as sl-SI`);
  }
  if (locales.system !== undefined) {
    const why = systemLocaleProblem(locales.system);
    if (why) err("SYSTEM_LOCALE", "E_LOCALE_NOT_UTF8", why);
  }

  const failed = problems.some((p) => p.severity === "error") || env.problems.some((p) => p.severity === "error");
  const runtime: AgentRuntime | undefined = failed
    ? undefined
    : { name: name!, assistantName: assistant, base: base!, gateway, subnet, jails, locales, env: v, envFile: file };
  return { problems, runtime, foreign, lines: env.lines };
}

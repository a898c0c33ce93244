// Rules across the agents of one host (pure): names, subnets, gateways, jail names and IPs
// must not collide; one ollama/llama.cpp jail may be shared when every user gives the same IP.
import { errorAt, type Problem } from "../core/problem.js";
import { epairOf } from "./agent/jail-name.js";
import type { AgentCheck } from "./agent/rules.js";
import { JAIL_KEYS } from "./agent/rules.js";
import type { AgentJail, AgentRuntime } from "./agent/model.js";

export interface CrossInput {
  name: string;
  /** The host.yaml line of this agent's entry. */
  line: number;
  check: AgentCheck;
}

const SHAREABLE = new Set(["ollama", "llama_cpp"]);

/** Returns problems, and the runtimes with shared jails resolved to their owner. */
export function validateAcrossAgents(agents: CrossInput[], hostFile = "host.yaml"): { problems: Problem[]; runtimes: Map<string, AgentRuntime> } {
  const problems: Problem[] = [];
  const byName = new Map<string, CrossInput>();
  for (const a of agents) {
    if (byName.has(a.name)) problems.push(errorAt(hostFile, "E_AGENT_DUPLICATE", `agents: ${a.name} is listed twice`, a.line, 1));
    else byName.set(a.name, a);
  }
  const ok = [...byName.values()].filter((a) => a.check.runtime);
  const at = (a: CrossInput, key: string) => a.check.lines[key] ?? 0;
  const fileOf = (a: CrossInput) => a.check.runtime!.envFile;

  const bases = new Map<string, CrossInput>();
  for (const a of ok) {
    const r = a.check.runtime!;
    const other = bases.get(r.base);
    if (other) {
      problems.push(errorAt(fileOf(a), "E_SUBNET_COLLISION", `AGENT_SUBNET_BASE: ${r.subnet} (gateway ${r.gateway}) is already used by ${other.name}`, at(a, "AGENT_SUBNET_BASE"), 1));
    } else bases.set(r.base, a);
  }

  // Every jail of every agent, own and foreign, by name and by IP.
  const all: { a: CrossInput; j: AgentJail; inside: boolean }[] = [];
  for (const a of ok) {
    for (const j of a.check.runtime!.jails) all.push({ a, j, inside: true });
    for (const j of a.check.foreign) all.push({ a, j, inside: false });
  }
  const byJail = new Map<string, (typeof all)[number]>();
  const byIp = new Map<string, (typeof all)[number]>();
  const runtimes = new Map<string, AgentRuntime>();
  for (const a of ok) runtimes.set(a.name, { ...a.check.runtime!, jails: [...a.check.runtime!.jails] });
  for (const e of all) {
    const { a, j } = e;
    const keys = JAIL_KEYS[j.role];
    const first = byJail.get(j.name);
    if (first && first.a !== a) {
      const shared = SHAREABLE.has(j.role) && SHAREABLE.has(first.j.role) && first.j.ip === j.ip;
      if (!shared) {
        const why = SHAREABLE.has(j.role) ? `with a different IP (${first.j.ip})` : "(only an ollama or llama.cpp jail may be shared)";
        problems.push(errorAt(fileOf(a), "E_JAIL_NAME_COLLISION", `${keys.name}: jail ${j.name} is already ${first.a.name}'s ${first.j.role} jail ${why}`, at(a, keys.name) || at(a, keys.ip), 1));
      }
      continue;
    }
    if (!first) byJail.set(j.name, e);
    const sameIp = byIp.get(j.ip);
    if (sameIp && sameIp.a !== a && sameIp.j.name !== j.name) {
      problems.push(errorAt(fileOf(a), "E_IP_COLLISION", `${keys.ip}: ${j.ip} is already ${sameIp.a.name}'s jail ${sameIp.j.name}`, at(a, keys.ip), 1));
    } else if (!sameIp) byIp.set(j.ip, e);
  }
  // Bastille 1.0–1.3 shorten long jail names to the same epair (see epairOf): refuse the second.
  const epairs = new Map<string, (typeof all)[number]>();
  for (const e of byJail.values()) {
    const first = epairs.get(epairOf(e.j.name));
    if (first) {
      const keys = JAIL_KEYS[e.j.role];
      problems.push(errorAt(fileOf(e.a), "E_JAIL_EPAIR", `${keys.name}: jail ${e.j.name} and ${first.j.name} would share Bastille's interface ${epairOf(e.j.name)}: shorten one of the names`, at(e.a, keys.name) || at(e.a, keys.ip), 1));
    } else epairs.set(epairOf(e.j.name), e);
  }
  // A foreign jail is legal only as a share of a jail another agent owns in its own subnet.
  for (const e of all.filter((x) => !x.inside)) {
    const owner = all.find((x) => x.inside && x.j.name === e.j.name && x.j.ip === e.j.ip);
    if (!owner) {
      const keys = JAIL_KEYS[e.j.role];
      const r = e.a.check.runtime!;
      problems.push(errorAt(fileOf(e.a), "E_IP_OUTSIDE_SUBNET", `${keys.ip}: ${e.j.ip} is outside ${r.subnet} and no other agent owns a jail ${e.j.name} at that IP`, at(e.a, keys.ip), 1));
    }
  }
  return { problems, runtimes };
}

// Loads a host repo (host.yaml + agents/*.env) and checks every rule in one pass:
// the schema, each agent's .env (DESIGN §4), the rules across agents, and secrets in the .env files.
import { join } from "node:path";
import { errorAt, type Problem, sortProblems } from "../core/problem.js";
import { scanFiles } from "../secrets/api.js";
import type { HostAgent, HostConfig } from "./agent/model.js";
import { type AgentCheck, validateAgentEnv } from "./agent/rules.js";
import { validateAcrossAgents } from "./cross.js";
import { parseEnvFile } from "./env/parse.js";
import { FILE_LIMITS } from "../untrusted/limits.js";
import { readUntrusted } from "../untrusted/read-file.js";
import { refusalProblem } from "../untrusted/refusal.js";
import { readHostYamlText } from "./host.js";
import { parseHostYaml } from "./host-yaml.js";

export interface HostCheck {
  problems: Problem[];
  /** Present only when there is no error. */
  host?: HostConfig;
}

/** The agent command words daemon(8) runs: no shell metacharacters, no quotes. */
const SAFE_COMMAND = /^[A-Za-z0-9 ._/@%+=:,-]+$/;

/** The .env of an agent, relative to the host repo. */
export function envPathOf(agent: { name: string; env?: string | undefined }): string {
  return agent.env ?? `agents/${agent.name}.env`;
}

/** Reads and validates the host repo at `dir`. Throws only when host.yaml cannot be read. */
export async function loadHostConfig(dir: string): Promise<HostCheck> {
  const yaml = parseHostYaml(await readHostYamlText(dir));
  if (!yaml.spec) return { problems: sortProblems(yaml.problems) };
  const spec = yaml.spec;
  const problems: Problem[] = [];
  if (spec.host.bridge === spec.host.ext_if) {
    problems.push(errorAt("host.yaml", "E_BRIDGE", `host.bridge: ${spec.host.bridge} is also the external interface`, yaml.lineOf(["host", "bridge"]), 1));
  }
  const checks: { name: string; line: number; check: AgentCheck }[] = [];
  const envFiles: { path: string; data: Uint8Array }[] = [];
  for (const [i, agent] of spec.agents.entries()) {
    const rel = envPathOf(agent);
    const line = yaml.lineOf(["agents", i, "name"]);
    if (agent.command !== undefined && !SAFE_COMMAND.test(agent.command)) {
      problems.push(errorAt("host.yaml", "E_COMMAND", `agents.${i}.command: only letters, digits, spaces and ._/@%+=:,- are allowed (it becomes daemon(8) arguments in the rc.d script)`, yaml.lineOf(["agents", i, "command"]), 1));
    }
    if (rel.split("/").some((s) => s === ".." || s === "") || rel.startsWith("/")) {
      problems.push(errorAt("host.yaml", "E_ENV_PATH", `agents.${i}.env: ${rel} must stay inside the host repo`, yaml.lineOf(["agents", i, "env"]), 1));
      continue;
    }
    const read = await readUntrusted(join(dir, rel), { maxBytes: FILE_LIMITS.envFile, root: dir });
    if (!read.ok) {
      if (read.reason === "missing") problems.push(errorAt("host.yaml", "E_ENV_MISSING_FILE", `agents.${i}: ${rel} does not exist`, line, 1));
      else problems.push(refusalProblem(rel, read));
      continue;
    }
    const bytes = read.data;
    envFiles.push({ path: rel, data: bytes });
    const env = parseEnvFile(bytes, rel);
    problems.push(...env.problems);
    const check = validateAgentEnv(env, rel, agent.name);
    problems.push(...check.problems);
    checks.push({ name: agent.name, line, check });
  }
  const cross = validateAcrossAgents(checks);
  problems.push(...cross.problems);
  for (const f of scanFiles(envFiles).findings) {
    problems.push(errorAt(f.file, "E_SECRET", `${f.rule}: a secret in the host repo (${f.fingerprint}); keep it in the host-local secrets directory`, f.line, f.column));
  }
  const sorted = sortProblems(problems);
  if (sorted.some((p) => p.severity === "error")) return { problems: sorted };
  const agents: HostAgent[] = spec.agents.map((s) => ({ spec: s, runtime: cross.runtimes.get(s.name)! }));
  return { problems: sorted, host: { dir, spec, agents } };
}

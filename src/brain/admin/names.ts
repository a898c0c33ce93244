// Per-agent PostgreSQL names, derived from AGENT_NAME (DESIGN §5 database step).
import { AGENT_NAME_RE } from "../../soul/schema/names.js";
import { inputError } from "../../core/errors.js";

export const AGENT_DATABASES = ["system_ops", "system_brain", "system_skills"] as const;

export interface AgentDbNames {
  role: string;
  databases: string[];
}

/** `atlas` → role `atlas`, databases `atlas_system_ops`, `atlas_system_brain`, `atlas_system_skills`. */
export function agentDbNames(agent: string): AgentDbNames {
  if (!AGENT_NAME_RE.test(agent)) throw inputError("E_AGENT_NAME", `${JSON.stringify(agent)} is not a valid AGENT_NAME`);
  return { role: agent, databases: AGENT_DATABASES.map((d) => `${agent}_${d}`) };
}

// Names derived from AGENT_NAME (DESIGN §4/§5). AGENT_NAME is validated by the soul schema
// (lowercase letter, then [a-z0-9_], ≤ 32 chars), so every derived name is a safe identifier
// under PostgreSQL's 63-byte limit; we check again before any name reaches SQL.
import { usageError } from "../core/errors.js";
import { AGENT_NAME_RE } from "../soul/schema/names.js";

/** The three parts of an agent's brain; each is a database on a real server and a schema everywhere. */
export const BRAIN_PARTS = ["brain", "skills", "ops"] as const;
export type BrainPart = (typeof BRAIN_PARTS)[number];

/** The schema that holds a part's tables, the same on every backend: `system_brain`, … */
export function partSchema(part: BrainPart): string {
  return `system_${part}`;
}

/** Throws a usage error unless `agent` follows the AGENT_NAME rule. */
export function checkAgentName(agent: string): string {
  if (!AGENT_NAME_RE.test(agent)) {
    throw usageError("E_AGENT_NAME", `agent name "${agent}" must start with a lowercase letter, then lowercase letters, digits or _ (at most 32)`);
  }
  return agent;
}

/** The agent's database for a part on a real server: `<agent>_system_brain`, `<agent>_system_skills`, `<agent>_system_ops`. */
export function agentDatabaseName(agent: string, part: BrainPart): string {
  return `${checkAgentName(agent)}_${partSchema(part)}`;
}

/** The agent's own login role on a real server (created by the host reconcile step). */
export function agentRoleName(agent: string): string {
  return checkAgentName(agent);
}

/** Double-quotes an identifier that has already been checked against a strict pattern. */
export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw usageError("E_SQL_IDENT", `unsafe SQL identifier "${name}"`);
  return `"${name}"`;
}

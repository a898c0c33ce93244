// On a real server the agent reads its own brain through its own role (named from AGENT_NAME,
// created by the host reconcile step). Each database it owns grants that role, and only that
// role, what the agent needs: read memories and skills, write embeddings, read soulsync's status.
import { type BrainPart, agentDatabaseName, agentRoleName, partSchema, quoteIdent } from "./names.js";
import type { AgentBrain } from "./open.js";

const TABLE_GRANTS: Record<BrainPart, string[]> = {
  brain: ["GRANT SELECT ON ALL TABLES IN SCHEMA system_brain TO %r", "GRANT UPDATE (embedding, embedding_model) ON system_brain.memory_chunks TO %r"],
  skills: ["GRANT SELECT ON ALL TABLES IN SCHEMA system_skills TO %r"],
  ops: ["GRANT SELECT ON ALL TABLES IN SCHEMA system_ops TO %r"],
};

/** Grants the agent's role access to its databases when that role exists (no-op on PGlite). */
export async function grantAgentAccess(b: AgentBrain): Promise<boolean> {
  if (b.target.kind !== "pg") return false;
  const role = agentRoleName(b.agent);
  const { rows } = await b.ops.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
  if (rows.length === 0) return false;
  const r = quoteIdent(role);
  for (const part of ["brain", "skills", "ops"] as const) {
    const db = b[part];
    const database = quoteIdent(agentDatabaseName(b.agent, part));
    // Other agents' roles may not even connect (a database is open to PUBLIC by default).
    await db.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${database} FROM PUBLIC`);
    await db.query(`GRANT CONNECT ON DATABASE ${database} TO ${r}`);
    await db.query(`GRANT USAGE ON SCHEMA ${partSchema(part)} TO ${r}`);
    for (const g of TABLE_GRANTS[part]) await db.query(g.replace("%r", r));
  }
  return true;
}

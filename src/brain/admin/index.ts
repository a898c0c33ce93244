// Per-agent roles and databases on the admin connection.
export { type DbAdmin, type DbObserved, openPgAdmin } from "./admin.js";
export { AGENT_DATABASES, type AgentDbNames, agentDbNames } from "./names.js";
export { PG_IDENT_RE, quoteIdent, sqlOf } from "./sql.js";

// database (pure): each agent's role and its system_ops, system_brain and system_skills databases.
import type { Action } from "../actions.js";
import type { DatabaseHave } from "../observe/types.js";
import type { Want } from "../want.js";

/** CREATE ROLE / CREATE DATABASE for what is missing; nothing is ever dropped here. */
export function planDatabase(want: Want["database"], have: DatabaseHave): Action[] {
  const roles = new Set(have.roles);
  const dbs = new Set(have.databases);
  const out: Action[] = [];
  for (const w of want) {
    if (!roles.has(w.role)) out.push({ step: "database", kind: "db.role.create", agent: w.agent, role: w.role, summary: `create role ${w.role}` });
    for (const d of w.databases) {
      if (!dbs.has(d)) out.push({ step: "database", kind: "db.database.create", agent: w.agent, database: d, owner: w.role, summary: `create database ${d} owned by ${w.role}` });
    }
  }
  return out;
}

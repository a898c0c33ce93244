// The sim driver's database when no admin connection is configured: roles and databases in the sim state.
import type { DbAdmin } from "../../../brain/admin/admin.js";
import { quoteIdent } from "../../../brain/admin/sql.js";
import { loadSimState, saveSimState } from "./state.js";

/** A DbAdmin that records CREATE ROLE / CREATE DATABASE in `<dir>/state.json`. */
export function simDb(dir: string): DbAdmin {
  return {
    async observe(roles, databases) {
      const s = loadSimState(dir);
      return { roles: roles.filter((r) => s.db.roles.includes(r)), databases: databases.filter((d) => d in s.db.databases) };
    },
    async apply(a) {
      const s = loadSimState(dir);
      if (a.kind === "db.role.create" && a.role) {
        quoteIdent(a.role);
        if (!s.db.roles.includes(a.role)) s.db.roles.push(a.role);
      } else if (a.kind === "db.database.create" && a.database && a.owner) {
        quoteIdent(a.database);
        if (!s.db.roles.includes(a.owner)) throw new Error(`role "${a.owner}" does not exist`);
        s.db.databases[a.database] = a.owner;
      }
      s.log.push(["sql", a.kind, a.role ?? a.database ?? ""]);
      saveSimState(dir, s);
    },
    async close() {},
  };
}

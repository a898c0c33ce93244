// soulsync's host-wide runtime state (what belongs to no single agent: the bridge, the pf file,
// the agents' databases themselves) lives in a system_ops schema of its own: on a server in the
// database the URL names (the bootstrap `database_url`), embedded in `<state>/pglite/_host`
// (no AGENT_NAME starts with `_`, so it never collides with an agent's directory).
import { join } from "node:path";
import { openPg } from "./db/pg.js";
import { openPglite } from "./db/pglite.js";
import type { Db } from "./db/types.js";
import { migratePart } from "./migrate.js";
import type { BrainTarget } from "./target.js";

/** Opens and migrates the host's system_ops; use createInventoryStore and ops/state on it. */
export async function openHostOps(target: BrainTarget, options: { lockWaitMs?: number } = {}): Promise<Db> {
  const db = target.kind === "pg" ? await openPg(target.url) : await openPglite(join(target.root, "_host"), options);
  try {
    await migratePart(db, "ops");
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

// Opens an agent's brain: three databases on a real server (`<agent>_system_brain`, …), or one
// PGlite data directory per agent (`<state>/pglite/<agent>`) holding the same three schemas.
// Either way one agent's rows live where no other agent's connection can reach them.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { SoulsyncError, environmentError } from "../core/errors.js";
import { openPg } from "./db/pg.js";
import { openPglite } from "./db/pglite.js";
import type { Db } from "./db/types.js";
import { grantAgentAccess } from "./grants.js";
import { type MigrateResult, migratePart } from "./migrate.js";
import { BRAIN_PARTS, type BrainPart, agentDatabaseName, checkAgentName, quoteIdent } from "./names.js";
import { createInventoryStore } from "./ops/inventory.js";
import type { BrainTarget } from "./target.js";

export interface AgentBrain {
  agent: string;
  target: BrainTarget;
  brain: Db;
  skills: Db;
  ops: Db;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Create missing databases (real server) or data directories (PGlite) and migrate them. Default true. */
  create?: boolean;
  /** How long to wait for another process holding the embedded database. */
  lockWaitMs?: number;
  /** Opens an embedded data directory (default: in this process; the daemon's is a child process). */
  openEmbedded?: (dir: string, options: { lockWaitMs?: number }) => Promise<Db>;
}

/** Creates a database on the server when the connecting role may; a concurrent creator is fine. */
async function createDatabase(url: string, name: string): Promise<void> {
  const admin = await openPg(url);
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    // Only roles granted CONNECT (the agent's own, by grantAgentAccess) may open it.
    await admin.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${quoteIdent(name)} FROM PUBLIC`);
  } catch (e) {
    if (!(e instanceof SoulsyncError && e.data.sqlstate === "42P04")) throw e;
  } finally {
    await admin.close();
  }
}

async function openPart(url: string, agent: string, part: BrainPart, create: boolean, created: string[]): Promise<Db> {
  const name = agentDatabaseName(agent, part);
  try {
    return await openPg(url, name);
  } catch (e) {
    if (!(e instanceof SoulsyncError && e.code === "E_DB_MISSING")) throw e;
    if (!create) {
      throw environmentError("E_BRAIN_MISSING", `agent "${agent}" has no brain on this server (database ${name}); run soulsync brain import or brain migrate first`, { agent, database: name });
    }
  }
  await createDatabase(url, name);
  created.push(name);
  return openPg(url, name);
}

async function openOnServer(url: string, agent: string, create: boolean): Promise<AgentBrain> {
  const created: string[] = [];
  const dbs: Partial<Record<BrainPart, Db>> = {};
  try {
    for (const part of BRAIN_PARTS) dbs[part] = await openPart(url, agent, part, create, created);
  } catch (e) {
    await Promise.all(Object.values(dbs).map((d) => d.close()));
    throw e;
  }
  const { brain, skills, ops } = dbs as Record<BrainPart, Db>;
  const result: AgentBrain = {
    agent,
    target: { kind: "pg", url },
    brain,
    skills,
    ops,
    close: async () => {
      await Promise.all([brain.close(), skills.close(), ops.close()]);
    },
  };
  await migrateAll(result);
  if (create) {
    await grantAgentAccess(result);
    if (created.length) {
      await createInventoryStore(ops, agent).record(created.map((id) => ({ kind: "database", id, agent, data: { by: "brain" } })));
    }
  }
  return result;
}

async function openEmbedded(root: string, agent: string, create: boolean, options: OpenOptions): Promise<AgentBrain> {
  const dir = join(root, agent);
  if (!create) {
    const exists = await stat(join(dir, "PG_VERSION")).then(() => true, () => false);
    if (!exists) throw environmentError("E_BRAIN_MISSING", `agent "${agent}" has no embedded brain in ${root}; run soulsync brain import first`, { agent, dir });
  }
  const db = await (options.openEmbedded ?? openPglite)(dir, { lockWaitMs: options.lockWaitMs });
  const result: AgentBrain = { agent, target: { kind: "pglite", root }, brain: db, skills: db, ops: db, close: () => db.close() };
  try {
    await migrateAll(result);
  } catch (e) {
    await db.close();
    throw e;
  }
  return result;
}

/** Applies every part's pending migrations (idempotent). */
export async function migrateAll(b: AgentBrain): Promise<MigrateResult[]> {
  const results: MigrateResult[] = [];
  for (const part of BRAIN_PARTS) results.push(await migratePart(b[part], part));
  return results;
}

/** Opens (and by default creates and migrates) the brain of `agent` at `target`. */
export async function openAgentBrain(target: BrainTarget, agent: string, options: OpenOptions = {}): Promise<AgentBrain> {
  checkAgentName(agent);
  const create = options.create ?? true;
  return target.kind === "pg" ? openOnServer(target.url, agent, create) : openEmbedded(target.root, agent, create, options);
}

// Reads what an agent's brain holds now, as the planner's "existing" side.
import type { Queryable } from "../db/types.js";
import type { ExistingMemory, ExistingSkill } from "../import/plan.js";

/** Every memory row of the agent, live or retired (hashes only, not bodies). */
export async function readExistingMemories(db: Queryable, agent: string): Promise<ExistingMemory[]> {
  const { rows } = await db.query<{ id: string; content_hash: string; chunking_version: number; ts_config: string; retired: boolean }>(
    "SELECT id, content_hash, chunking_version, ts_config, retired_at IS NOT NULL AS retired FROM system_brain.memories WHERE agent = $1",
    [agent],
  );
  return rows.map((r) => ({ id: r.id, contentHash: r.content_hash, chunkingVersion: r.chunking_version, tsConfig: r.ts_config, retired: r.retired }));
}

/** Every skill row of the agent, live or retired. */
export async function readExistingSkills(db: Queryable, agent: string): Promise<ExistingSkill[]> {
  const { rows } = await db.query<{ name: string; content_hash: string; retired: boolean }>(
    "SELECT name, content_hash, retired_at IS NOT NULL AS retired FROM system_skills.skills WHERE agent = $1",
    [agent],
  );
  return rows.map((r) => ({ name: r.name, contentHash: r.content_hash, retired: r.retired }));
}

/** The text-search configurations this server has (pg_ts_config). */
export async function readTextSearchConfigs(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ cfgname: string }>("SELECT cfgname FROM pg_ts_config");
  return rows.map((r) => r.cfgname);
}

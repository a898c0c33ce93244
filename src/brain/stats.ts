// Counts for `soulsync brain stats`: what an agent's brain holds and which revision it runs.
import type { AgentBrain } from "./open.js";
import { readApplied } from "./ops/state.js";
import { readTsConfig } from "./search.js";
import { IMPORT_STEP } from "./import/import-soul.js";

export interface BrainStats {
  agent: string;
  memories: { live: number; retired: number; chunks: number; embedded: number; bytes: number };
  skills: { live: number; retired: number };
  tsConfig: string;
  revision: string | null;
  appliedAt: string | null;
}

/** Reads the counts for one agent. */
export async function readBrainStats(b: AgentBrain, source = "soul"): Promise<BrainStats> {
  const m = await b.brain.query<{ live: string; retired: string; bytes: string }>(
    "SELECT count(*) FILTER (WHERE retired_at IS NULL) AS live, count(*) FILTER (WHERE retired_at IS NOT NULL) AS retired, coalesce(sum(octet_length(body)) FILTER (WHERE retired_at IS NULL), 0) AS bytes FROM system_brain.memories WHERE agent = $1",
    [b.agent],
  );
  const c = await b.brain.query<{ chunks: string; embedded: string }>(
    "SELECT count(*) AS chunks, count(embedding) AS embedded FROM system_brain.memory_chunks WHERE agent = $1",
    [b.agent],
  );
  const s = await b.skills.query<{ live: string; retired: string }>(
    "SELECT count(*) FILTER (WHERE retired_at IS NULL) AS live, count(*) FILTER (WHERE retired_at IS NOT NULL) AS retired FROM system_skills.skills WHERE agent = $1",
    [b.agent],
  );
  const applied = await readApplied(b.ops, b.agent, source, IMPORT_STEP);
  const n = (v: unknown) => Number(v ?? 0);
  return {
    agent: b.agent,
    memories: { live: n(m.rows[0]?.live), retired: n(m.rows[0]?.retired), chunks: n(c.rows[0]?.chunks), embedded: n(c.rows[0]?.embedded), bytes: n(m.rows[0]?.bytes) },
    skills: { live: n(s.rows[0]?.live), retired: n(s.rows[0]?.retired) },
    tsConfig: await readTsConfig(b.brain, b.agent),
    revision: applied?.revision ?? null,
    appliedAt: applied?.appliedAt.toISOString() ?? null,
  };
}

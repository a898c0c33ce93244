// Full-text search over an agent's live memories: ranked chunks (best chunk per memory), each
// with a highlighted snippet and the memory's source path, in the agent's text-search config.
import type { Queryable } from "./db/types.js";

export interface SearchHit {
  id: string;
  path: string;
  title: string;
  topics: string[];
  importance: number;
  rank: number;
  snippet: string;
  revision: string;
}

/** The text-search configuration the agent's memories were indexed with (`simple` before any import). */
export async function readTsConfig(db: Queryable, agent: string): Promise<string> {
  const { rows } = await db.query<{ value: string }>("SELECT value FROM system_brain.settings WHERE agent = $1 AND key = 'ts_config'", [agent]);
  return rows[0]?.value ?? "simple";
}

const SEARCH = `WITH q AS (SELECT websearch_to_tsquery($2::regconfig, $3) AS q),
best AS (
  SELECT DISTINCT ON (c.memory_id) c.memory_id, c.text, ts_rank_cd(c.tsv, q.q) AS rank
  FROM system_brain.memory_chunks c, q
  WHERE c.agent = $1 AND c.tsv @@ q.q
  ORDER BY c.memory_id, ts_rank_cd(c.tsv, q.q) DESC
)
SELECT m.id, m.path, m.title, m.topics, m.importance, m.source_revision AS revision, b.rank::float8 AS rank,
       ts_headline($2::regconfig, b.text, q.q, 'MaxWords=30, MinWords=10, MaxFragments=2, StartSel=«, StopSel=»') AS snippet
FROM best b JOIN system_brain.memories m ON m.agent = $1 AND m.id = b.memory_id, q
WHERE m.retired_at IS NULL
ORDER BY b.rank DESC, m.importance DESC, m.id
LIMIT $4`;

/** Searches `agent`'s memories for `query` (web-search syntax: words, "phrases", -not, or). */
export async function searchMemories(db: Queryable, agent: string, query: string, limit = 10): Promise<{ tsConfig: string; hits: SearchHit[] }> {
  const tsConfig = await readTsConfig(db, agent);
  const { rows } = await db.query<SearchHit>(SEARCH, [agent, tsConfig, query, limit]);
  return { tsConfig, hits: rows.map((r) => ({ ...r, rank: Number(r.rank), snippet: r.snippet.replace(/\s+/g, " ").trim() })) };
}

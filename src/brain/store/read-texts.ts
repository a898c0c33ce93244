// Every text the brain stores for an agent, live or retired, as scanner inputs: a memory's title,
// topics, source and body, a skill's stored SKILL.md (raw), description and body. A secret that got
// in before a rule existed is found where it is kept, not only where it came from.
import type { Queryable } from "../db/types.js";

export interface StoredText {
  /** `system_brain.memories/<path>` or `system_skills.skills/<name>/SKILL.md`, with `#field` for a field. */
  path: string;
  data: Uint8Array;
  /** The revision the row was imported from. */
  revision: string;
  retired: boolean;
}

const enc = new TextEncoder();

/** The agent's stored memories and skills as texts to scan (bodies are read here, once). */
export async function readStoredTexts(brain: Queryable, skills: Queryable, agent: string): Promise<StoredText[]> {
  const out: StoredText[] = [];
  const m = await brain.query<{ path: string; title: string; topics: string[]; source: string | null; body: string; source_revision: string; retired: boolean }>(
    "SELECT path, title, topics, source, body, source_revision, retired_at IS NOT NULL AS retired FROM system_brain.memories WHERE agent = $1 ORDER BY path",
    [agent],
  );
  for (const r of m.rows) {
    const base = `system_brain.memories/${r.path}`;
    const meta = [`title: ${r.title}`, `topics: ${r.topics.join(", ")}`, ...(r.source ? [`source: ${r.source}`] : [])].join("\n");
    out.push({ path: `${base}#meta`, data: enc.encode(meta), revision: r.source_revision, retired: r.retired });
    out.push({ path: base, data: enc.encode(r.body), revision: r.source_revision, retired: r.retired });
  }
  // Chunks are cut from the body; one that is not (an older chunking, an edited row) is read too.
  const c = await brain.query<{ path: string; seq: number; text: string; source_revision: string; retired: boolean }>(
    "SELECT m.path, c.seq, c.text, c.source_revision, m.retired_at IS NOT NULL AS retired FROM system_brain.memory_chunks c JOIN system_brain.memories m ON m.agent = c.agent AND m.id = c.memory_id WHERE c.agent = $1 AND strpos(m.body, c.text) = 0 ORDER BY m.path, c.seq",
    [agent],
  );
  for (const r of c.rows) out.push({ path: `system_brain.memories/${r.path}#chunk${r.seq}`, data: enc.encode(r.text), revision: r.source_revision, retired: r.retired });
  const s = await skills.query<{ name: string; description: string; body: string; raw: string; source_revision: string; retired: boolean }>(
    "SELECT name, description, body, raw, source_revision, retired_at IS NOT NULL AS retired FROM system_skills.skills WHERE agent = $1 ORDER BY name",
    [agent],
  );
  for (const r of s.rows) {
    const base = `system_skills.skills/${r.name}/SKILL.md`;
    // `raw` is the whole file as imported; body and description are in it unless they diverged.
    out.push({ path: base, data: enc.encode(r.raw), revision: r.source_revision, retired: r.retired });
    if (!r.raw.includes(r.body)) out.push({ path: `${base}#body`, data: enc.encode(r.body), revision: r.source_revision, retired: r.retired });
    if (!r.raw.includes(r.description)) out.push({ path: `${base}#description`, data: enc.encode(r.description), revision: r.source_revision, retired: r.retired });
  }
  return out;
}

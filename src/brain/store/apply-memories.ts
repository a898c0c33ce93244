// Writes memory actions: one multi-row upsert per batch (unnest of column arrays, so a batch
// is one statement and one round trip, whatever its size), then the chunks the same way.
// Topics travel space-joined: the schema allows only [a-z0-9_-] in a topic.
import type { Queryable } from "../db/types.js";
import type { ImportAction, ImportPlan } from "../import/plan.js";
import { batches } from "./batch.js";
import type { Vectorize } from "./tsvectors.js";

type Write = Extract<ImportAction, { kind: "memory.insert" | "memory.update" }>;

const UPSERT = `INSERT INTO system_brain.memories
  (agent, id, kind, path, title, topics, importance, created, updated, expires, source, body,
   content_hash, chunking_version, ts_config, source_revision)
SELECT $1, u.id, u.kind, u.path, u.title, string_to_array(u.topics, ' '), u.importance,
       u.created, u.updated, u.expires, u.source, u.body, u.hash, $2, $3, $4
FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::text[], $12::text[], $13::text[],
            $14::text[], $15::text[], $16::text[])
  AS u(id, kind, path, title, topics, importance, created, updated, expires, source, body, hash)
ON CONFLICT (agent, id) DO UPDATE SET
  kind = EXCLUDED.kind, path = EXCLUDED.path, title = EXCLUDED.title, topics = EXCLUDED.topics,
  importance = EXCLUDED.importance, created = EXCLUDED.created, updated = EXCLUDED.updated,
  expires = EXCLUDED.expires, source = EXCLUDED.source, body = EXCLUDED.body,
  content_hash = EXCLUDED.content_hash, chunking_version = EXCLUDED.chunking_version,
  ts_config = EXCLUDED.ts_config, source_revision = EXCLUDED.source_revision,
  imported_at = now(), retired_at = NULL, retired_revision = NULL`;

const CHUNKS = `INSERT INTO system_brain.memory_chunks (agent, memory_id, seq, text, tsv, source_revision)
SELECT $1, u.id, u.seq, u.text, setweight(to_tsvector($2::regconfig, u.title), 'A') || to_tsvector($2::regconfig, u.text), $3
FROM unnest($4::text[], $5::int[], $6::text[], $7::text[]) AS u(id, seq, text, title)`;

const CHUNKS_WITH_TSV = `INSERT INTO system_brain.memory_chunks (agent, memory_id, seq, text, tsv, source_revision)
SELECT $1, u.id, u.seq, u.text, u.tsv::tsvector, $2
FROM unnest($3::text[], $4::int[], $5::text[], $6::text[]) AS u(id, seq, text, tsv)`;

/** Applies the plan's memory actions inside `tx`; returns the number of rows written. */
export async function applyMemoryActions(tx: Queryable, plan: ImportPlan, vectorize?: Vectorize): Promise<number> {
  const writes = plan.actions.filter((a): a is Write => a.kind === "memory.insert" || a.kind === "memory.update");
  const retired = plan.actions.flatMap((a) => (a.kind === "memory.retire" ? [a.id] : []));
  const chunks = writes.flatMap((a) => a.chunks.map((text, seq) => ({ id: a.memory.id, seq, text, title: seq === 0 ? a.memory.title : "" })));
  // Started now, so stemming on the other connections overlaps the memory writes below.
  const vectors = vectorize && chunks.length > 0 ? vectorize(chunks) : undefined;
  vectors?.catch(() => {});
  let written = 0;
  for (const batch of batches(writes)) {
    const m = batch.map((a) => a.memory);
    const r = await tx.query(UPSERT, [
      plan.agent, plan.chunkingVersion, plan.tsConfig, plan.revision,
      m.map((x) => x.id), m.map((x) => x.kind), m.map((x) => x.path), m.map((x) => x.title),
      m.map((x) => x.topics.join(" ")), m.map((x) => x.importance), m.map((x) => x.created),
      m.map((x) => x.updated), m.map((x) => x.expires), m.map((x) => x.source), m.map((x) => x.body),
      m.map((x) => x.contentHash),
    ]);
    written += r.rowCount;
  }
  const rechunk = writes.filter((a) => a.kind === "memory.update").map((a) => a.memory.id);
  for (const ids of batches([...rechunk, ...retired])) {
    written += (await tx.query("DELETE FROM system_brain.memory_chunks WHERE agent = $1 AND memory_id = ANY($2::text[])", [plan.agent, ids])).rowCount;
  }
  const tsv = vectors ? await vectors : undefined;
  let offset = 0;
  for (const batch of batches(chunks)) {
    const columns = [batch.map((c) => c.id), batch.map((c) => c.seq), batch.map((c) => c.text)];
    const r = tsv
      ? await tx.query(CHUNKS_WITH_TSV, [plan.agent, plan.revision, ...columns, tsv.slice(offset, offset + batch.length)])
      : await tx.query(CHUNKS, [plan.agent, plan.tsConfig, plan.revision, ...columns, batch.map((c) => c.title)]);
    offset += batch.length;
    written += r.rowCount;
  }
  for (const ids of batches(retired)) {
    const r = await tx.query(
      "UPDATE system_brain.memories SET retired_at = now(), retired_revision = $3 WHERE agent = $1 AND id = ANY($2::text[]) AND retired_at IS NULL",
      [plan.agent, ids, plan.revision],
    );
    written += r.rowCount;
  }
  return written;
}

// Computing tsvectors (stemming) is the costliest part of an import. On a real server it is
// spread over several connections, outside the writing transaction — to_tsvector is a pure
// function of configuration and text, so where it runs changes nothing — and overlaps the
// memory writes. PGlite is one single-threaded instance, so there the insert computes inline.
import type { Db } from "../db/types.js";

export interface ChunkText {
  text: string;
  /** Indexed with weight A (the memory's title, on its first chunk only). */
  title: string;
}

export type Vectorize = (chunks: ChunkText[]) => Promise<string[]>;

const TSV = `SELECT (setweight(to_tsvector($1::regconfig, u.title), 'A') || to_tsvector($1::regconfig, u.text))::text AS v
FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS u(text, title, n) ORDER BY u.n`;

/** A Vectorize running `parallel` slices at once on `db`'s spare connections, or undefined where that does not help. */
export function parallelVectorize(db: Db, tsConfig: string, parallel = 4): Vectorize | undefined {
  if (db.kind !== "pg") return undefined;
  return async (chunks) => {
    const size = Math.ceil(chunks.length / (chunks.length < 500 ? 1 : parallel));
    const slices: ChunkText[][] = [];
    for (let i = 0; i < chunks.length; i += size) slices.push(chunks.slice(i, i + size));
    const parts = await Promise.all(
      slices.map((s) => db.query<{ v: string }>(TSV, [tsConfig, s.map((c) => c.text), s.map((c) => c.title)])),
    );
    return parts.flatMap((p) => p.rows.map((r) => r.v));
  };
}

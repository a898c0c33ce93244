// system_brain: curated memories and their searchable chunks. Embeddings are left to the
// agent's embedder: nullable columns on each chunk, cleared whenever the chunk is rewritten.
import type { Migration } from "./types.js";

export const BRAIN_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "memories and chunks",
    statements: [
      `CREATE TABLE system_brain.memories (
        agent text NOT NULL,
        id text NOT NULL,
        kind text NOT NULL DEFAULT 'memory' CHECK (kind IN ('memory', 'user_context')),
        path text NOT NULL,
        title text NOT NULL,
        topics text[] NOT NULL DEFAULT '{}',
        importance smallint NOT NULL,
        created text NOT NULL,
        updated text,
        expires text,
        source text,
        body text NOT NULL,
        content_hash text NOT NULL,
        chunking_version integer NOT NULL,
        ts_config text NOT NULL,
        source_revision text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz,
        retired_revision text,
        PRIMARY KEY (agent, id)
      )`,
      `CREATE TABLE system_brain.memory_chunks (
        agent text NOT NULL,
        memory_id text NOT NULL,
        seq integer NOT NULL,
        text text NOT NULL,
        tsv tsvector NOT NULL,
        source_revision text NOT NULL,
        embedding real[],
        embedding_model text,
        PRIMARY KEY (agent, memory_id, seq),
        FOREIGN KEY (agent, memory_id) REFERENCES system_brain.memories (agent, id) ON DELETE CASCADE
      )`,
      "CREATE INDEX memory_chunks_tsv ON system_brain.memory_chunks USING GIN (tsv)",
      "CREATE INDEX memories_live ON system_brain.memories (agent) WHERE retired_at IS NULL",
      `CREATE TABLE system_brain.settings (
        agent text NOT NULL,
        key text NOT NULL,
        value text NOT NULL,
        PRIMARY KEY (agent, key)
      )`,
    ],
  },
];

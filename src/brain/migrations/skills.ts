// system_skills: the reviewed skills the policy lets leave the repo.
import type { Migration } from "./types.js";

export const SKILLS_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "skills",
    statements: [
      `CREATE TABLE system_skills.skills (
        agent text NOT NULL,
        name text NOT NULL,
        description text NOT NULL,
        body text NOT NULL,
        raw text NOT NULL,
        files text[] NOT NULL DEFAULT '{}',
        content_hash text NOT NULL,
        source_revision text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz,
        retired_revision text,
        PRIMARY KEY (agent, name)
      )`,
    ],
  },
];

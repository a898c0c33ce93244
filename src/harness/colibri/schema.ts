// Colibri's `skills` table as soulsync defines it (Colibri's own shape is not published): one row
// per skill, unique by name, plus `skill_files` for the rest of a skill's folder. `managed_by`
// marks rows soulsync owns; a row without it was put there by someone else and is never touched
// without --force.

export const SKILLS_TABLE = "skills";

/** Columns soulsync needs in an existing `skills` table. */
export const REQUIRED_COLUMNS = [
  "name",
  "description",
  "body",
  "skill_md",
  "metadata",
  "content_hash",
  "source",
  "source_revision",
  "managed_by",
] as const;

export const MANAGED_BY = "soulsync";

export const CREATE_STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS skills (
  name TEXT PRIMARY KEY NOT NULL,
  description TEXT NOT NULL,
  body TEXT NOT NULL,
  skill_md TEXT NOT NULL,
  metadata TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  source TEXT NOT NULL,
  source_revision TEXT NOT NULL,
  managed_by TEXT
)`,
  `CREATE TABLE IF NOT EXISTS skill_files (
  skill TEXT NOT NULL REFERENCES skills(name) ON DELETE CASCADE,
  path TEXT NOT NULL,
  data BLOB NOT NULL,
  executable INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (skill, path)
)`,
] as const;

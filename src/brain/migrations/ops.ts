// system_ops: soulsync's runtime state — sync runs, applied revisions, status conditions,
// the inventory of what soulsync created (the only things it may ever prune), and an event log.
import type { Migration } from "./types.js";

export const OPS_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "runs, revisions, conditions, inventory, events",
    statements: [
      `CREATE TABLE system_ops.runs (
        id bigserial PRIMARY KEY,
        agent text NOT NULL,
        source text NOT NULL,
        trigger text NOT NULL,
        revision text,
        status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
        reason text,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`,
      "CREATE INDEX runs_recent ON system_ops.runs (agent, source, id DESC)",
      `CREATE TABLE system_ops.applied_revisions (
        agent text NOT NULL,
        source text NOT NULL,
        step text NOT NULL,
        revision text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agent, source, step)
      )`,
      `CREATE TABLE system_ops.conditions (
        agent text NOT NULL,
        source text NOT NULL,
        type text NOT NULL,
        status text NOT NULL,
        reason text NOT NULL,
        message text NOT NULL DEFAULT '',
        revision text,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agent, source, type)
      )`,
      `CREATE TABLE system_ops.inventory (
        kind text NOT NULL,
        id text NOT NULL,
        agent text,
        data jsonb NOT NULL DEFAULT '{}',
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, id)
      )`,
      `CREATE TABLE system_ops.events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        agent text NOT NULL,
        source text,
        kind text NOT NULL,
        message text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'
      )`,
    ],
  },
  {
    version: 2,
    name: "runs name their host, result, duration and steps",
    statements: [
      "ALTER TABLE system_ops.runs ADD COLUMN host text, ADD COLUMN result text, ADD COLUMN ms integer, ADD COLUMN steps jsonb NOT NULL DEFAULT '[]'",
      "CREATE INDEX runs_by_host ON system_ops.runs (host, agent, id DESC)",
    ],
  },
];

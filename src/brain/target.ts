// Where the brain lives: a real server (a URL from --database, SOULSYNC_DATABASE_URL or
// DATABASE_URL, or the bootstrap file) or, with none, the embedded PGlite in the state directory.
import { join } from "node:path";
import { redactUrls } from "../core/redact.js";
import { usageError } from "../core/errors.js";

export type BrainTarget = { kind: "pg"; url: string } | { kind: "pglite"; root: string };

export interface TargetInput {
  /** `--database URL` */
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
  /** bootstrap `database_url` (env overrides already applied by loadBootstrap are fine too) */
  configured?: string | undefined;
  stateDir: string;
}

/** Picks the backend (pure): the flag, then the environment, then the bootstrap file, then PGlite. */
export function resolveBrainTarget(input: TargetInput): BrainTarget {
  // An empty variable is unset (`DATABASE_URL= soulsync …`), not a choice of the embedded database over the bootstrap file's.
  const url = [input.flag, input.env.SOULSYNC_DATABASE_URL, input.env.DATABASE_URL, input.configured].find((u) => u !== undefined && u !== "");
  if (url === undefined || url === "") return { kind: "pglite", root: join(input.stateDir, "pglite") };
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw usageError("E_DB_URL", `database URL must start with postgres:// or postgresql:// (got ${redactUrls(url)})`);
  }
  return { kind: "pg", url };
}

/** A printable description of the target, with no credentials. */
export function describeTarget(t: BrainTarget): string {
  if (t.kind === "pglite") return `embedded PGlite in ${t.root}`;
  const u = new URL(t.url);
  return `postgres://${u.username ? `${u.username}@` : ""}${u.host}${u.pathname}`;
}

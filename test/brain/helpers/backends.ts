// The brain tests run against both backends: the embedded PGlite (always) and the real server
// (DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test). With CI=true an unreachable
// server fails the run loudly instead of skipping. Agent names are unique per run, and every
// database and role a test creates on the server is dropped when the file ends.
import { randomBytes } from "node:crypto";
import { after } from "node:test";
import { openPg } from "../../../src/brain/db/pg.js";
import { BRAIN_PARTS, agentDatabaseName } from "../../../src/brain/names.js";
import type { BrainTarget } from "../../../src/brain/target.js";
import { tmpDir } from "../../helpers/tmp.js";

export const PG_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface Backend {
  name: "pglite" | "pg";
  target: BrainTarget;
  /** Why the backend is unavailable (tests skip, or fail under CI). */
  unavailable?: string;
}

let reachable: Promise<string | undefined> | undefined;

/** Undefined when the real server answers, else the reason. */
export function pgUnavailable(): Promise<string | undefined> {
  reachable ??= openPg(PG_URL).then(
    async (db) => {
      await db.close();
      return undefined;
    },
    (e: Error) => e.message,
  );
  return reachable;
}

/** Both backends; the real one carries `unavailable` when it cannot be reached. */
export async function backends(): Promise<Backend[]> {
  const why = await pgUnavailable();
  if (why && process.env.CI === "true") {
    throw new Error(`CI=true but the PostgreSQL server at ${PG_URL.replace(/:[^:@/]*@/, ":***@")} is unreachable: ${why}`);
  }
  return [
    { name: "pglite", target: { kind: "pglite", root: `${tmpDir("soulsync-pglite-")}/pglite` } },
    { name: "pg", target: { kind: "pg", url: PG_URL }, unavailable: why },
  ];
}

const created = new Set<string>();

/** A unique agent name for this run; its server databases and role are dropped after the file. */
export function uniqueAgent(label: string): string {
  const agent = `t${randomBytes(4).toString("hex")}_${label}`;
  created.add(agent);
  return agent;
}

after(async () => {
  if (created.size === 0 || (await pgUnavailable())) return;
  const admin = await openPg(PG_URL);
  try {
    for (const agent of created) {
      for (const part of BRAIN_PARTS) {
        await admin.query(`DROP DATABASE IF EXISTS "${agentDatabaseName(agent, part)}" WITH (FORCE)`);
      }
      await admin.query(`DROP ROLE IF EXISTS "${agent}"`);
    }
  } finally {
    await admin.close();
  }
});

// The embedded implementation of Db: PGlite (PostgreSQL compiled to WebAssembly) keeping its
// data directory on disk. One instance serves one data directory; a lock file keeps other
// processes out while it is open.
import { existsSync } from "node:fs";
import { cp, mkdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { packageFile } from "../../core/package-root.js";
import { setFlagsFromString } from "node:v8";
import { PGlite } from "@electric-sql/pglite";
import { lockDir } from "./dir-lock.js";
import { mapDbError } from "./errors.js";
import type { Db, QueryResult, Queryable } from "./types.js";

type PgliteQueryable = Pick<PGlite, "query">;

async function run<R>(q: PgliteQueryable, where: string, sql: string, params?: unknown[]): Promise<QueryResult<R>> {
  try {
    const r = await q.query<R>(sql, params);
    return { rows: r.rows, rowCount: r.affectedRows ?? 0 };
  } catch (e) {
    throw mapDbError(e, where);
  }
}

// PGlite's WebAssembly is compiled with V8's baseline compiler only: TurboFan's background
// re-compilation of its 9 MB of code cost about a second of CPU and ~40 MB per process, for no
// gain a brain of a few thousand rows can measure (bench/daemon.bench.ts). Set before the first
// instance compiles it.
setFlagsFromString("--liftoff-only");

// PostgreSQL's default 128 MB of shared buffers made each open brain ~260 MB resident; 8 MB holds
// a brain's working set and keeps an open one near 30 MB.
const START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=8MB"];

/** The data directory initialised at build time (scripts/pglite-template.mjs), if there is one. */
const TEMPLATE = packageFile("dist/pglite-template");

/** A new data directory starts as a copy of the template (initdb costs seconds); a copy is atomic by rename. */
async function seedFromTemplate(dir: string): Promise<void> {
  if (existsSync(join(dir, "PG_VERSION")) || !existsSync(join(TEMPLATE, ".soulsync-template"))) return;
  const tmp = `${dir}.seed-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await cp(TEMPLATE, tmp, { recursive: true });
  await rm(join(tmp, ".soulsync-template"), { force: true });
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
}

/** Opens (creating on first use) the embedded database kept in `dir`. */
export async function openPglite(dir: string, options: { lockWaitMs?: number } = {}): Promise<Db> {
  await mkdir(dirname(dir), { recursive: true });
  const release = await lockDir(`${dir}.lock`, options.lockWaitMs);
  let pglite: PGlite;
  try {
    await seedFromTemplate(dir);
    pglite = await PGlite.create({ dataDir: dir, startParams: START_PARAMS });
  } catch (e) {
    await release();
    throw mapDbError(e, dir);
  }
  return {
    kind: "pglite",
    key: `pglite:${dir}`,
    query: (sql, params) => run(pglite, dir, sql, params),
    async transaction(fn) {
      try {
        return await pglite.transaction((tx) => fn({ query: (sql, params) => run(tx, dir, sql, params) } satisfies Queryable));
      } catch (e) {
        throw mapDbError(e, dir);
      }
    },
    async close() {
      try {
        await pglite.close();
      } finally {
        await release();
      }
    },
  };
}

// The daemon's embedded databases, in a process of their own (started by pglite-child.ts). A
// closed PGlite does not give its WebAssembly memory back to the system — a daemon that had opened
// ten brains stayed above 1 GB resident — and a process that exits does: the daemon stops this one
// when its last brain closes. It also keeps PostgreSQL's CPU off the daemon's event loop.
// Requests arrive over the IPC channel; each names a database handle or a transaction.
import { SoulsyncError } from "../../core/errors.js";
import { openPglite } from "./pglite.js";
import type { HostReply, HostRequest, WireError } from "./pglite-wire.js";
import type { Db, Queryable } from "./types.js";

interface OpenTx {
  tx: Queryable;
  finish(commit: boolean): void;
  done: Promise<unknown>;
}

const dbs = new Map<number, Db>();
const txs = new Map<number, OpenTx>();
let next = 1;
const ROLLBACK = Symbol("rollback");

function wireError(e: unknown): WireError {
  if (e instanceof SoulsyncError) return { code: e.code, message: e.message, kind: e.kind, data: e.data };
  return { code: "E_PG", message: e instanceof Error ? e.message : String(e), kind: "internal", data: {} };
}

function handle<T>(map: Map<number, T>, id: number, what: string): T {
  const v = map.get(id);
  if (!v) throw new SoulsyncError("E_PG", `embedded database process: no ${what} ${id}`, { kind: "internal" });
  return v;
}

/** Opens a transaction that stays open until an `end` request commits or rolls it back. */
async function begin(db: Db): Promise<number> {
  let opened!: (tx: Queryable) => void;
  let finish!: (commit: boolean) => void;
  const ready = new Promise<Queryable>((r) => {
    opened = r;
  });
  const done = db.transaction(
    (tx) =>
      new Promise((resolve, reject) => {
        finish = (commit) => (commit ? resolve(undefined) : reject(ROLLBACK));
        opened(tx);
      }),
  );
  // A BEGIN that fails settles `done` before `ready`.
  const tx = await Promise.race([ready, done.then(() => Promise.reject(new Error("transaction ended before it began")))]);
  const id = next++;
  txs.set(id, { tx, finish, done });
  return id;
}

async function serve(req: HostRequest): Promise<unknown> {
  switch (req.op) {
    case "open": {
      const id = next++;
      dbs.set(id, await openPglite(req.dir, { lockWaitMs: req.lockWaitMs }));
      return id;
    }
    case "query": {
      const on: Queryable = req.tx === undefined ? handle(dbs, req.db, "database") : handle(txs, req.tx, "transaction").tx;
      return on.query(req.sql, req.params);
    }
    case "begin":
      return begin(handle(dbs, req.db, "database"));
    case "end": {
      const t = handle(txs, req.tx, "transaction");
      txs.delete(req.tx);
      t.finish(req.commit);
      await t.done.catch((e) => {
        if (e !== ROLLBACK) throw e;
      });
      return null;
    }
    case "close": {
      const db = handle(dbs, req.db, "database");
      dbs.delete(req.db);
      await db.close();
      return null;
    }
  }
}

async function closeAll(): Promise<void> {
  // A transaction left open by a daemon that died is rolled back, or closing would wait on it.
  for (const t of txs.values()) t.finish(false);
  await Promise.allSettled([...txs.values()].map((t) => t.done));
  txs.clear();
  await Promise.allSettled([...dbs.values()].map((db) => db.close()));
  dbs.clear();
}

process.on("message", (req: HostRequest) => {
  serve(req).then(
    (value) => process.send?.({ id: req.id, ok: true, value } satisfies HostReply),
    (e) => process.send?.({ id: req.id, ok: false, error: wireError(e) } satisfies HostReply),
  );
});
// The daemon stops this process by closing the channel, and dies with it: a terminal's ^C reaches
// the whole process group, and the daemon, not this process, decides what closes first.
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, () => {});
process.on("disconnect", () => {
  void closeAll().finally(() => process.exit(0));
});

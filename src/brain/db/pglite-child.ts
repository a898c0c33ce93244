// Embedded databases opened in a child process (pglite-host.ts) instead of this one: the daemon's
// way to open brains. The child starts with the first open and is stopped when the last handle
// closes, which is when the memory PGlite holds goes back to the system.
import { type ChildProcess, fork } from "node:child_process";
import { SoulsyncError, transientError } from "../../core/errors.js";
import { packageFile } from "../../core/package-root.js";
import type { HostReply, HostRequest } from "./pglite-wire.js";
import type { Db, QueryResult, Queryable } from "./types.js";

type Request = HostRequest extends infer R ? (R extends HostRequest ? Omit<R, "id"> : never) : never;

export interface PgliteChild {
  /** Opens the embedded database in `dir` in the child (starting it if need be). */
  open(dir: string, options?: { lockWaitMs?: number }): Promise<Db>;
  /** The child's pid while it runs (for status and tests). */
  pid(): number | undefined;
  /** Calls `fn` when the child exits on its own (crashed): every handle it served is gone. Returns the way to stop listening. */
  onLost(fn: () => void): () => void;
}

interface Running {
  proc: ChildProcess;
  pending: Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>;
  exited: Promise<void>;
  handles: number;
}

export function pgliteChild(entry = packageFile("bin/pglite-host.js")): PgliteChild {
  let running: Running | undefined;
  let stopping: Promise<void> | undefined;
  let nextId = 1;
  const lost: Array<() => void> = [];

  const start = (): Running => {
    // execArgv: [] so a parent run under a loader (tsx in tests) starts plain node on the bundle.
    const proc = fork(entry, [], { serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"], execArgv: [] });
    const r: Running = { proc, pending: new Map(), handles: 0, exited: new Promise((res) => proc.once("exit", () => res())) };
    proc.on("message", (m: HostReply) => {
      const p = r.pending.get(m.id);
      if (!p) return;
      r.pending.delete(m.id);
      if (r.pending.size === 0) hold(r, false);
      if (m.ok) p.resolve(m.value);
      else p.reject(new SoulsyncError(m.error.code, m.error.message, { kind: m.error.kind, data: m.error.data }));
    });
    // A child that cannot start (or whose channel breaks) fails what waits on it, like an exit.
    const failPending = (why: string) => {
      const gone = transientError("E_DB_UNAVAILABLE", `the embedded database process ${why}`, {});
      for (const p of r.pending.values()) p.reject(gone);
      r.pending.clear();
    };
    proc.on("error", (e) => failPending(`failed: ${e.message}`));
    proc.once("exit", (code, signal) => {
      failPending(`exited (${signal ?? `status ${code}`})`);
      if (running === r) {
        running = undefined;
        for (const fn of lost) fn();
      }
    });
    hold(r, false);
    return r;
  };

  /** An idle child must not keep the daemon alive; one with a request in flight, or stopping, does. */
  const hold = (r: Running, on: boolean) => {
    if (on) {
      r.proc.ref();
      r.proc.channel?.ref();
    } else {
      r.proc.unref();
      r.proc.channel?.unref();
    }
  };

  const call = <T>(r: Running, req: Request): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (!r.proc.connected) return reject(transientError("E_DB_UNAVAILABLE", "the embedded database process is not running", {}));
      const id = nextId++;
      if (r.pending.size === 0) hold(r, true);
      r.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      r.proc.send({ ...req, id } as HostRequest);
    });

  /** The last handle closed: the child closes what is left and exits when its channel closes. */
  const stop = (r: Running) => {
    if (running === r) running = undefined;
    r.proc.ref();
    if (r.proc.connected) r.proc.disconnect();
    stopping = r.exited.finally(() => {
      stopping = undefined;
    });
  };

  return {
    async open(dir, options = {}) {
      await stopping;
      running ??= start();
      const r = running;
      r.handles++;
      let db: number;
      try {
        db = await call<number>(r, { op: "open", dir, lockWaitMs: options.lockWaitMs });
      } catch (e) {
        if (--r.handles === 0 && running === r) stop(r);
        throw e;
      }
      let closed = false;
      const query = <R>(sql: string, params?: unknown[], tx?: number) => call<QueryResult<R>>(r, { op: "query", db, tx, sql, params });
      return {
        kind: "pglite",
        key: `pglite:${dir}`,
        query: (sql, params) => query(sql, params),
        async transaction(fn) {
          const tx = await call<number>(r, { op: "begin", db });
          let value: Awaited<ReturnType<typeof fn>>;
          try {
            value = await fn({ query: (sql, params) => query(sql, params, tx) } satisfies Queryable);
          } catch (e) {
            await call(r, { op: "end", tx, commit: false }).catch(() => {});
            throw e;
          }
          await call(r, { op: "end", tx, commit: true });
          return value;
        },
        async close() {
          if (closed) return;
          closed = true;
          try {
            await call(r, { op: "close", db });
          } finally {
            if (--r.handles === 0 && running === r) stop(r);
          }
        },
      } satisfies Db;
    },
    pid: () => running?.proc.pid,
    onLost(fn) {
      lost.push(fn);
      return () => {
        const i = lost.indexOf(fn);
        if (i >= 0) lost.splice(i, 1);
      };
    },
  };
}

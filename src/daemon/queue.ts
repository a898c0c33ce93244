// Triggers coalesce (DESIGN §9): per agent at most one run in progress and one queued; a trigger
// for an agent whose run is queued adds nothing (it is served by that run). Agents run in parallel
// up to a limit. Everyone who asked is told the outcome of the run that served them.

export interface JobRequest {
  force?: boolean;
  /** What set it off (status, logs, metrics). */
  trigger: string;
  /** When the trigger was noticed (Date.now()), for push-to-applied times. */
  at?: number;
  /** Run even while backing off (e.g. after the host became ready again). */
  ignoreBackoff?: boolean;
}

export interface Job extends JobRequest {
  key: string;
  /** Earliest trigger time among the requests it serves. */
  at: number;
}

interface Slot<R> {
  job: Job;
  waiters: { resolve(r: R): void; reject(e: unknown): void }[];
}

export interface RunQueue<R> {
  /** Queues a run for `key`; resolves with the outcome of the run that serves this request. */
  enqueue(key: string, req: JobRequest): Promise<R>;
  running(): string[];
  queued(): string[];
  /** Runs in progress plus runs waiting. */
  depth(): number;
  /** Resolves when nothing runs or waits. */
  idle(): Promise<void>;
  /** Stops starting new runs; queued ones are dropped (their waiters are rejected). */
  stop(reason: Error): void;
}

export function runQueue<R>(limit: number, run: (job: Job) => Promise<R>, onChange?: () => void): RunQueue<R> {
  const active = new Map<string, Slot<R>>();
  const waiting = new Map<string, Slot<R>>();
  let idleWaiters: (() => void)[] = [];
  let stopped: Error | undefined;

  const settleIdle = () => {
    if (active.size > 0 || waiting.size > 0) return;
    const w = idleWaiters;
    idleWaiters = [];
    for (const f of w) f();
  };

  const pump = () => {
    if (stopped) return;
    for (const [key, slot] of waiting) {
      if (active.size >= limit) break;
      if (active.has(key)) continue;
      waiting.delete(key);
      start(slot);
    }
    onChange?.();
    settleIdle();
  };

  const start = (slot: Slot<R>) => {
    active.set(slot.job.key, slot);
    run(slot.job).then(
      (r) => {
        for (const w of slot.waiters) w.resolve(r);
      },
      (e) => {
        for (const w of slot.waiters) w.reject(e);
      },
    ).finally(() => {
      active.delete(slot.job.key);
      pump();
    });
  };

  return {
    enqueue(key, req) {
      if (stopped) return Promise.reject(stopped);
      return new Promise<R>((resolve, reject) => {
        const at = req.at ?? Date.now();
        const queued = waiting.get(key);
        if (queued) {
          // Served by the run already waiting; it keeps the earliest trigger time and any --force.
          queued.job.force ||= Boolean(req.force);
          queued.job.ignoreBackoff ||= Boolean(req.ignoreBackoff);
          queued.job.at = Math.min(queued.job.at, at);
          queued.waiters.push({ resolve, reject });
          return;
        }
        waiting.set(key, { job: { ...req, key, at, force: Boolean(req.force) }, waiters: [{ resolve, reject }] });
        pump();
      });
    },
    running: () => [...active.keys()],
    queued: () => [...waiting.keys()],
    depth: () => active.size + waiting.size,
    idle: () => (active.size === 0 && waiting.size === 0 ? Promise.resolve() : new Promise((r) => idleWaiters.push(r))),
    stop(reason) {
      stopped = reason;
      for (const slot of waiting.values()) for (const w of slot.waiters) w.reject(reason);
      waiting.clear();
      onChange?.();
      settleIdle();
    },
  };
}

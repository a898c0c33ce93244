// The polling trigger: a node-cron schedule, each fire delayed by a random jitter so that many
// hosts polling one forge do not all arrive on the same second. The backstop for remote origins.
import cron, { type ScheduledTask } from "node-cron";
import { inputError } from "../../core/errors.js";
import type { Logger } from "../log.js";
import type { OnTrigger } from "./types.js";

export interface PollOptions {
  /** A node-cron expression (5 fields, or 6 with seconds first). */
  schedule: string;
  jitterSeconds: number;
  /** [0, 1), as Math.random (tests pass their own). */
  random?: () => number;
  onTrigger: OnTrigger;
  log: Logger;
}

export function startPoll(o: PollOptions): { close(): void } {
  if (!cron.validate(o.schedule)) {
    throw inputError("E_POLL_SCHEDULE", `triggers.poll: "${o.schedule}" is not a cron schedule (e.g. "*/5 * * * *")`, { schedule: o.schedule });
  }
  const random = o.random ?? Math.random;
  let pending: NodeJS.Timeout | undefined;
  let closed = false;

  const fire = () => {
    pending = undefined;
    if (closed) return;
    o.onTrigger({ kind: "poll", at: Date.now() }).catch((e: unknown) => o.log.error({ event: "poll", err: e }, "poll trigger failed"));
  };

  const task: ScheduledTask = cron.schedule(
    o.schedule,
    () => {
      // A tick while the last one still waits out its jitter adds nothing: the queue would coalesce it.
      if (pending || closed) return;
      const delayMs = Math.floor(random() * o.jitterSeconds * 1000);
      o.log.debug({ event: "poll", delayMs }, `poll in ${delayMs} ms`);
      pending = setTimeout(fire, delayMs);
    },
    {
      name: "soulsync-poll",
      // node-cron's own warnings (a missed tick after a suspend) go to our log.
      logger: {
        info: (m) => o.log.info({ event: "poll" }, String(m)),
        warn: (m) => o.log.warn({ event: "poll" }, String(m)),
        error: (m) => o.log.error({ event: "poll" }, String(m)),
        debug: (m) => o.log.debug({ event: "poll" }, String(m)),
      },
    },
  );

  return {
    close() {
      closed = true;
      if (pending) clearTimeout(pending);
      pending = undefined;
      void task.destroy();
    },
  };
}

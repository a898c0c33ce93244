// Waiting without timing: until a deadline the system itself published (a backoff's `until`),
// or until a condition holds, with a generous bound that only turns a hang into a failure.
import { setTimeout as sleep } from "node:timers/promises";

/** Sleeps until `iso` has passed (a backoff's next try), if it has not already. */
export async function untilPast(iso: string | undefined): Promise<void> {
  if (!iso) return;
  const ms = Date.parse(iso) - Date.now();
  if (ms > 0) await sleep(ms + 50);
}

/** Polls `check` until it returns a value; fails after `boundMs` (a bound, not a measurement). */
export async function eventually<T>(what: string, check: () => T | undefined | Promise<T | undefined>, boundMs = 120_000): Promise<T> {
  const end = Date.now() + boundMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what} after ${boundMs} ms`);
    await sleep(100);
  }
}

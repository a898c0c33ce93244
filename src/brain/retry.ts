// Retries an operation that failed with a transient error (database down, lock busy), backing
// off exponentially with jitter (DESIGN §2: about 1 s doubling to 15 min). Other errors pass
// straight through: retrying bad input never helps.
import { isSoulsyncError } from "../core/errors.js";

export interface BackoffOptions {
  /** Tries after the first; default 5. */
  retries?: number;
  baseMs?: number;
  maxMs?: number;
  /** Injected so tests neither wait nor depend on chance. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called before each wait, with the error and the delay. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void | Promise<void>;
}

/** The delay before retry number `attempt` (1-based), pure: base·2^(attempt-1), capped, ±25 % jitter. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: number): number {
  const raw = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(raw * (0.75 + random * 0.5));
}

/** Runs `fn`, retrying transient SoulsyncErrors with backoff. */
export async function withBackoff<T>(fn: () => Promise<T>, o: BackoffOptions = {}): Promise<T> {
  const retries = o.retries ?? 5;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!(isSoulsyncError(e) && e.retryable) || attempt > retries) throw e;
      const delay = backoffDelay(attempt, o.baseMs ?? 1000, o.maxMs ?? 15 * 60_000, (o.random ?? Math.random)());
      await o.onRetry?.(e, attempt, delay);
      await sleep(delay);
    }
  }
}

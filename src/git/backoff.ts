// Exponential backoff for transient faults (origin down): about 1 s doubling to 15 min, with jitter.

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 15 * 60_000;

/** Delay before the next try after `failures` consecutive transient failures (pure; `random` in [0,1)). */
export function backoffDelay(failures: number, random: number): number {
  const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  // ±20 % jitter so many sources failing together do not retry in lockstep; never above the cap.
  return Math.min(BACKOFF_MAX_MS, Math.round(exp * (0.8 + 0.4 * random)));
}

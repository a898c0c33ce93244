// Token buckets per remote address: `perMinute` requests a minute, bursts up to the same number.

export interface RateLimiter {
  /** Takes a token for `address`; returns 0 when allowed, else the seconds until one is free. */
  take(address: string): number;
}

export function createRateLimiter(perMinute: number, now: () => number = Date.now, maxAddresses = 10_000): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = perMinute / 60_000;
  return {
    take(address) {
      const t = now();
      let b = buckets.get(address);
      if (!b) {
        // Bounded memory: a flood from many addresses forgets the oldest bucket, not the process.
        if (buckets.size >= maxAddresses) buckets.delete(buckets.keys().next().value as string);
        b = { tokens: perMinute, at: t };
        buckets.set(address, b);
      }
      b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * perMs);
      b.at = t;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - b.tokens) / perMs / 1000);
    },
  };
}

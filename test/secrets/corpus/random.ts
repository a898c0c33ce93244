// A seeded generator so the corpus is the same on every run (no live secrets are stored in git).
import { base62, crc32 } from "../../../src/secrets/checksum.js";

export const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const HEX = "0123456789abcdef";
export const B64URL = `${ALNUM}-_`;
export const B64 = `${ALNUM}+/`;
export const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
export const DIGITS = "0123456789";

export interface Rng {
  next(): number;
  pick(alphabet: string, n: number): string;
  int(min: number, max: number): number;
}

/** mulberry32: tiny, fast, good enough for test data. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick(alphabet, n) {
      let s = "";
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      return s;
    },
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}

/** GitHub / npm format: prefix, 30 random base62 characters, base62 CRC-32 of them (6). */
export function checksummedToken(rng: Rng, prefix: string): string {
  const body = rng.pick(ALNUM, 30);
  return `${prefix}${body}${base62(crc32(body), 6)}`;
}

export const b64urlOf = (s: string) => Buffer.from(s).toString("base64url");

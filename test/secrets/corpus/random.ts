// A seeded generator so the corpus is the same on every run (no live secrets are stored in git).
// Checksummed tokens are built with Node's zlib CRC-32 and base-x, not the scanner's own code, so
// a wrong checksum in src/secrets/checksum.ts cannot agree with itself here.
import { crc32 } from "node:zlib";
import baseX from "base-x";

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

/** The base62 alphabet of GitHub's token checksums (digits, upper case, lower case). */
const BASE62 = baseX("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

/** A CRC-32 as base62, left-padded with "0" to 6 characters (62^6 > 2^32). */
export function checksum62(text: string): string {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(crc32(text));
  // base-x writes each leading zero byte as one "0"; the padding below makes the width fixed.
  return BASE62.encode(bytes).replace(/^0+(?=.)/, "").padStart(6, "0");
}

/**
 * GitHub / npm format (github.blog, "Behind GitHub's new authentication token formats", 2021):
 * prefix, 30 random base62 characters, then the base62 CRC-32 of those 30 (6 characters).
 */
export function checksummedToken(rng: Rng, prefix: string): string {
  const body = rng.pick(ALNUM, 30);
  return `${prefix}${body}${checksum62(body)}`;
}

export const b64urlOf = (s: string) => Buffer.from(s).toString("base64url");

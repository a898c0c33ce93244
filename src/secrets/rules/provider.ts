// Shared shape of provider rules: a distinctive token found by one linear-time regex,
// then checked (checksum, randomness, structure) so look-alikes do not count.
import { looksRandom } from "../entropy.js";
import { type Part, matches, tokenPattern } from "../pattern.js";
import type { Hit, Rule } from "../rule.js";
import { PRIORITY } from "../rule.js";

export const AN = "A-Za-z0-9";
export const AN_ = "A-Za-z0-9_";
export const B64URL = "A-Za-z0-9_\\-";
export const B64 = "A-Za-z0-9+/";
export const HEX = "0-9a-f";
export const HEXI = "0-9a-fA-F";

export interface ProviderSpec {
  id: string;
  /** Either parts for tokenPattern (with boundaries), or a ready global regex. */
  parts?: readonly Part[];
  regex?: RegExp;
  /** Characters that may not touch the token on the left / right. */
  before?: string;
  after?: string;
  /** Characters of the match before the secret (e.g. "AccountKey=" → 11). */
  skip?: number;
  /** Extra test of the secret; false drops the hit. */
  check?: (secret: string) => boolean;
}

/** A rule from a token pattern. */
export function provider(spec: ProviderSpec): Rule {
  const before = spec.before ?? AN_;
  const re = spec.regex ?? tokenPattern(spec.parts ?? [], before, spec.after ?? before);
  const skip = spec.skip ?? 0;
  return {
    id: spec.id,
    priority: PRIORITY.provider,
    patterns: [re],
    *scan(text: string): Generator<Hit> {
      for (const m of matches(re, text)) {
        const secret = m[0].slice(skip);
        if (spec.check && !spec.check(secret)) continue;
        yield { index: m.index + skip, secret };
      }
    },
  };
}

/** The part of a token after its fixed prefix looks machine-generated. */
export const randomAfter = (prefixLength: number, minEntropy = 3.0) => (s: string) =>
  looksRandom(s.slice(prefixLength), minEntropy);

/** Characters of `cls` as a one-character test, for hand-written scanners. */
export function charTest(cls: string): (c: string | undefined) => boolean {
  const re = new RegExp(`^[${cls}]$`);
  return (c) => c !== undefined && re.test(c);
}

// Shared shape of provider rules: a distinctive token that starts with a literal anchor, matched
// by one linear-time regex at each place the anchor occurs, then checked (checksum, randomness,
// structure) so look-alikes do not count.
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
  /** Literal prefixes the token starts with (default: the first part, when it is a literal). */
  anchors?: readonly string[];
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
  // The sticky copy only when an anchor turns up: most scans never need it (a hundred rules,
  // each regex compiled at load, were a good part of loading the scanner).
  let sticky: RegExp | undefined;
  const first = spec.parts?.[0];
  const anchors = spec.anchors ?? (typeof first === "string" ? [first] : undefined);
  if (!anchors) throw new Error(`rule ${spec.id} needs anchors`);
  const skip = spec.skip ?? 0;
  const hit = (m: RegExpExecArray): Hit | undefined => {
    const secret = m[0].slice(skip);
    return spec.check && !spec.check(secret) ? undefined : { index: m.index + skip, secret };
  };
  return {
    id: spec.id,
    priority: PRIORITY.provider,
    patterns: [re],
    anchors,
    at(text: string, index: number): Hit | undefined {
      sticky ??= new RegExp(re.source, "y");
      sticky.lastIndex = index;
      const m = sticky.exec(text);
      return m ? hit(m) : undefined;
    },
    *scan(text: string): Generator<Hit> {
      for (const m of matches(re, text)) {
        const h = hit(m);
        if (h) yield h;
      }
    },
  };
}

/** The part of a token after its fixed prefix looks machine-generated. */
export const randomAfter = (prefixLength: number, minEntropy = 3.0) => (s: string) =>
  looksRandom(s.slice(prefixLength), minEntropy);

/** Characters of `cls` as a one-character test by char code (a table, no regex per character). */
export function charTest(cls: string): (c: string | undefined) => boolean {
  const table = charTable(cls);
  return (c) => c !== undefined && c.length > 0 && table[c.charCodeAt(0)] === 1;
}

/**
 * A 128-entry table: 1 for ASCII characters in `cls` (non-ASCII is never in a token class). Read it
 * as `table[code] === 1`: a code past the end reads undefined, so it is not in the class. (It was
 * 64 KB of zeros each, about twenty of them, allocated by every command that loads the scanner.)
 */
export function charTable(cls: string): Uint8Array {
  const re = new RegExp(`^[${cls}]$`);
  const t = new Uint8Array(128);
  for (let i = 0; i < 128; i++) t[i] = re.test(String.fromCharCode(i)) ? 1 : 0;
  return t;
}

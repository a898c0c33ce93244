// Measures of randomness used to tell secrets from words, placeholders and identifiers.

/** Shannon entropy in bits per character. */
const ascii = new Uint32Array(128);

export function shannon(s: string): number {
  if (s.length === 0) return 0;
  ascii.fill(0);
  let wide: Map<number, number> | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) ascii[c] = (ascii[c] as number) + 1;
    else {
      wide ??= new Map();
      wide.set(c, (wide.get(c) ?? 0) + 1);
    }
  }
  let h = 0;
  const add = (n: number) => {
    const p = n / s.length;
    h -= p * Math.log2(p);
  };
  for (let c = 0; c < 128; c++) if (ascii[c]) add(ascii[c] as number);
  if (wide) for (const n of wide.values()) add(n);
  return h;
}

/** How many of: lowercase, uppercase, digits, symbols the string uses. */
export function charClasses(s: string): number {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}

/** Share of adjacent pairs that repeat or step by one ("aaaa", "abcd", "1234"): keyboard filler. */
export function sequentialShare(s: string): number {
  if (s.length < 2) return 0;
  let n = 0;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    if (d === 0 || d === 1 || d === -1) n++;
  }
  return n / (s.length - 1);
}

/** How many of lowercase, uppercase and digits the string uses (symbols not counted). */
export function alnumClasses(s: string): number {
  return (/[a-z]/.test(s) ? 1 : 0) + (/[A-Z]/.test(s) ? 1 : 0) + (/[0-9]/.test(s) ? 1 : 0);
}

/** Share of adjacent pairs that change class (lower, upper, digit, other): ~0.6 random, ~0.3 for names. */
export function classChangeShare(s: string): number {
  const cls = (c: number) => (c >= 97 && c <= 122 ? 0 : c >= 65 && c <= 90 ? 1 : c >= 48 && c <= 57 ? 2 : 3);
  let n = 0;
  for (let i = 1; i < s.length; i++) if (cls(s.charCodeAt(i)) !== cls(s.charCodeAt(i - 1))) n++;
  return s.length < 2 ? 0 : n / (s.length - 1);
}

/** Share of letters and digits inside word-like runs ("Zod", "Issue", "MD"): ~1 for names, ~0.4 random. */
export function wordCover(s: string): number {
  const alnum = (s.match(/[A-Za-z0-9]/g) ?? []).length;
  const words = (s.match(/[A-Z]?[a-z]{2,}|[A-Z]{2,}(?![a-z])/g) ?? []).reduce((n, w) => n + w.length, 0);
  return alnum === 0 ? 1 : words / alnum;
}

/**
 * Names made of words (`this._handleAuthMD5Password`, `ZodIssueCode.too_small`, `../v4/index.js`):
 * tuned on identifiers from real code and on random base62 tokens, of which it rejects under 1%.
 */
export function looksLikeName(s: string): boolean {
  const cover = wordCover(s);
  return cover >= 0.85 || classChangeShare(s) < 0.33 || (!/[0-9]/.test(s) && cover >= 0.6);
}

/** True when a token body looks machine-random rather than typed: the test for unknown formats. */
export function looksRandom(s: string, minEntropy = 3.2): boolean {
  return s.length >= 16 && charClasses(s) >= 2 && sequentialShare(s) < 0.5 && shannon(s) >= minEntropy;
}

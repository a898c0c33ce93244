// Measures of randomness used to tell secrets from words, placeholders and identifiers.

/** Shannon entropy in bits per character. */
export function shannon(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    h -= p * Math.log2(p);
  }
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

/** True when a token body looks machine-random rather than typed: the test for unknown formats. */
export function looksRandom(s: string, minEntropy = 3.2): boolean {
  return s.length >= 16 && shannon(s) >= minEntropy && charClasses(s) >= 2 && sequentialShare(s) < 0.35;
}

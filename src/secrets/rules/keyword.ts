// The generic rules: a value assigned to a key that names a secret (.env, YAML, JSON, TOML,
// Markdown "Password: …" lines), and a random-looking token right after a secret word in prose.
// Both start from the keywords the scanner finds in its single pass; every keyword reads a bounded
// window and keywords inside what was read are skipped, so the scan stays linear.
import { alnumClasses, looksLikeName, looksRandom } from "../entropy.js";
import { isPlaceholder } from "../placeholder.js";
import { type Hit, PRIORITY, type Rule } from "../rule.js";
import { NOT_SECRET_VALUE, readAssignment, valueLooksSecret } from "./assignment.js";
import { classifyKey, type SecretKeyKind } from "./key-names.js";
import { charTable } from "./provider.js";

const KEYWORDS = ["token", "secret", "pass", "pwd", "key", "auth", "credential", "bearer"];
const LOWER_KEYWORD = new RegExp(KEYWORDS.join("|"), "g");

/**
 * Offsets of every keyword, in order, case-insensitively. A case-sensitive regex on a lower-cased
 * copy is several times faster than /i; when lower-casing changes the length (a few non-ASCII
 * letters do), offsets would shift, so the /i regex runs on the original instead.
 */
export function keywordOffsets(text: string): number[] {
  let subject = text.toLowerCase();
  let re = LOWER_KEYWORD;
  if (subject.length !== text.length) {
    subject = text;
    re = new RegExp(KEYWORDS.join("|"), "gi");
  }
  const found: number[] = [];
  re.lastIndex = 0;
  while (re.test(subject)) found.push(re.lastIndex);
  return found;
}
const MAX_KEY = 64;

const KEY_CHAR = charTable("A-Za-z0-9_.\\-");
const isKeyCode = (text: string, i: number) => KEY_CHAR[text.charCodeAt(i)] === 1;
const TOKEN_CHAR = charTable("A-Za-z0-9_\\-+/=.~");

/**
 * Key names repeat a lot; each is classified once. The cache is keyed by a hash of the characters
 * and checked against the text, so the common case allocates no string.
 */
const classified = new Map<number, { name: string; kind: SecretKeyKind | undefined }>();
function classifyAt(text: string, start: number, end: number): SecretKeyKind | undefined {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h &= 0x3fffffff; // a small integer, so the map lookup allocates nothing
  const hit = classified.get(h);
  if (hit && hit.name.length === end - start && text.startsWith(hit.name, start)) return hit.kind;
  const name = text.slice(start, end);
  const kind = classifyKey(name);
  if (classified.size > 10_000) classified.clear();
  classified.set(h, { name, kind });
  return kind;
}

/** A token of an unknown format in prose: long, random, and not a name made of words. Hex needs 32. */
function looksGenerated(tok: string): boolean {
  if (tok.length < 20 || !looksRandom(tok, 3.8)) return false;
  if (/^[0-9a-f]+$/i.test(tok)) return tok.length >= 32 && !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(tok);
  return alnumClasses(tok) >= 2 && !looksLikeName(tok);
}

/** The first random-looking token within 80 characters after a secret word, same line. */
function tokenAfter(text: string, from: number, lineEnd: number): Hit | undefined {
  const end = Math.min(lineEnd, from + 80);
  let i = from;
  while (i < end) {
    // Probe 19 ahead: if that is not a token character, no 20-character token starts before it.
    const p = i + 19;
    if (p >= text.length) return undefined;
    if (TOKEN_CHAR[text.charCodeAt(p)] !== 1) {
      i = p + 1;
      continue;
    }
    let s = p;
    while (s > i && TOKEN_CHAR[text.charCodeAt(s - 1)] === 1) s--;
    let e = p + 1;
    while (e < text.length && e - s < 200 && TOKEN_CHAR[text.charCodeAt(e)] === 1) e++;
    // Paths and URLs ("/v1/items", "//host/x") are not tokens.
    const first = text.charCodeAt(s);
    if (e - s >= 20 && s < end && first !== 47 && first !== 46) {
      const tok = text.slice(s, e).replace(/[.=]+$/, "");
      if (looksGenerated(tok) && !isPlaceholder(tok) && !NOT_SECRET_VALUE.some((re) => re.test(tok))) {
        return { index: s, secret: tok, rule: "generic-secret", priority: PRIORITY.generic };
      }
    }
    i = e;
  }
  return undefined;
}

export const keywordRule: Rule = {
  id: "secret-assignment",
  priority: PRIORITY.assignment,
  keywords: KEYWORDS,
  scan(text: string): Iterable<Hit> {
    return keywordHits(text, keywordOffsets(text));
  },
  scanAt: (text, ends) => keywordHits(text, ends),
};

/** Assignments and prose tokens at each keyword (given where each keyword ends). */
function* keywordHits(text: string, ends: readonly number[]): Generator<Hit> {
  {
    let consumed = 0;
    // Keywords come in text order, so the next newline is found with one forward pass in all.
    let lineEnd = -1;
    for (const after of ends) {
      // `after` is where the keyword ends; walk back over the key name from there.
      const at = after - 1;
      if (at < consumed) continue;
      let ks = at;
      while (ks > consumed && at - ks < MAX_KEY && isKeyCode(text, ks - 1)) ks--;
      let ke = at + 1;
      while (ke < text.length && ke - at < MAX_KEY && isKeyCode(text, ke)) ke++;
      consumed = ke;
      let kind = classifyAt(text, ks, ke);
      if (!kind && text[ks - 1] === " ") {
        // Prose: "the api key is …", "API key: …" — take one word before.
        let ps = ks - 1;
        while (ps > 0 && ks - ps < 32 && isKeyCode(text, ps - 1)) ps--;
        kind = classifyAt(text, ps, ke);
      }
      if (!kind) continue;
      const a = readAssignment(text, ks, ke);
      if (a) {
        consumed = Math.max(ke, a.end);
        if (valueLooksSecret(a, kind)) yield { index: a.valueStart, secret: a.value };
        continue;
      }
      if (lineEnd < ke) {
        lineEnd = text.indexOf("\n", ke);
        if (lineEnd < 0) lineEnd = text.length;
      }
      const t = tokenAfter(text, ke, lineEnd);
      if (t) {
        consumed = t.index + t.secret.length;
        yield t;
      }
    }
  }
}

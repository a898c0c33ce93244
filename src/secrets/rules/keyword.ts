// The generic rules: a value assigned to a key that names a secret (.env, YAML, JSON, TOML,
// Markdown "Password: …" lines), and a random-looking token right after a secret word in prose.
// Both are anchored on one keyword regex; every hit reads a bounded window and the next search
// starts after what was read, so the scan stays linear.
import { alnumClasses, charClasses, looksLikeName, looksRandom, sequentialShare, shannon } from "../entropy.js";
import { isPlaceholder, isReference } from "../placeholder.js";
import { type Hit, PRIORITY, type Rule } from "../rule.js";
import { classifyKey, type SecretKeyKind } from "./key-names.js";
import { charTable, charTest } from "./provider.js";


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
const MAX_VALUE = 512;

const KEY_CHAR = charTable("A-Za-z0-9_.\\-");
const isKeyCode = (text: string, i: number) => KEY_CHAR[text.charCodeAt(i)] === 1;
const TOKEN_CHAR = charTable("A-Za-z0-9_\\-+/=.~");
const endsValue = charTest("\\s,;}\\]");

/**
 * Key names repeat a lot; each is classified once. The cache is keyed by a hash of the characters
 * and checked against the text, so the common case allocates no string.
 */
const classified = new Map<number, { name: string; kind: SecretKeyKind | undefined }>();
function classifyAt(text: string, start: number, end: number): SecretKeyKind | undefined {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const hit = classified.get(h);
  if (hit && hit.name.length === end - start && text.startsWith(hit.name, start)) return hit.kind;
  const name = text.slice(start, end);
  const kind = classifyKey(name);
  if (classified.size > 10_000) classified.clear();
  classified.set(h, { name, kind });
  return kind;
}

/** Values that are identifiers of something public rather than secrets. */
const NOT_SECRET_VALUE = [
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUID
  /^(?:sha1|sha256|sha384|sha512|md5|blake2b|blake3)[-:][A-Za-z0-9+/=]{16,}$/i, // integrity, content hash
  /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d{3}|sk-ssh-ed25519@openssh\.com)\b/, // public keys
  /^-----BEGIN /, // PEM blocks have their own rule
  /^(?:ENC|AGE)\[/, // sops-encrypted values
  /^data:[a-z]+\/[a-z0-9.+-]+;base64,/i, // inline images
  /^[0-9.,_:+-]+$/, // numbers, versions, times
  /%[sdifxqv]/, // printf formats
  /^(?:https?|wss?):\/\/[^:@\s]+$/, // plain URLs (credentials in URLs have their own rule)
  /^[/~.][^\s]*\/[^\s]*$/, // paths
];

function valueLooksSecret(a: Assignment, kind: SecretKeyKind): boolean {
  const value = a.value;
  if (value.length < 6) return false;
  // In code a secret is a string literal; an unquoted value there is an identifier or expression.
  if (!a.quoted && (a.code || /[()[\]{}<>]/.test(value) || /^!/.test(value) || DOTTED_NAME.test(value))) return false;
  // Tokens mix case or digits; "secret=pass_key-auth" and "my-service-name" are names.
  if (kind === "token" && (alnumClasses(value) < 2 || /\s/.test(value))) return false;
  if (isReference(value) || isPlaceholder(value)) return false;
  if (NOT_SECRET_VALUE.some((re) => re.test(value))) return false;
  if (/^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(value) && kind === "password") return false;
  if (kind === "password") {
    // Words and spaces only: a description ("Password used to generate key"), not a password.
    if (/\s/.test(value) && /^[A-Za-z\s.,'-]+$/.test(value)) return false;
    return (charClasses(value) >= 2 || value.length >= 12) && sequentialShare(value) < 0.5;
  }
  if (/\s/.test(value)) return false;
  return looksRandom(value, 3.0) || (value.length >= 10 && charClasses(value) >= 3 && shannon(value) >= 2.8);
}

interface Assignment {
  key: string;
  valueStart: number;
  value: string;
  end: number;
  /** The value was a quoted string. */
  quoted: boolean;
  /** The line looks like program code (a declaration, or an expression continues after the value). */
  code: boolean;
}

/** A declaration keyword right before the key: `const password = …`, `let token = …`. */
const DECLARATION = /(?:^|[\s(])(?:const|let|var|val|final|my|local|def|private|public|static|readonly)\s+$/;
/** `opts.password`, `config.auth.token`, `example.com`: names, not secrets. */
const DOTTED_NAME = /^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)+$/;
/** What may follow an unquoted value in code but not in .env or YAML: an operator or a separator. */
const CONTINUES = /^[ \t]*(?:[?|&+*%<>!(){}[\],;.]|=[=>]?|\/[^/])/;

/** Reads `key <sep> value` from the key's end; undefined when there is no separator. */
function readAssignment(text: string, keyStart: number, keyEnd: number): Assignment | undefined {
  const key = text.slice(keyStart, keyEnd);
  let i = keyEnd;
  while (i - keyEnd < 8 && /["'* \t]/.test(text[i] ?? "")) i++;
  const sep = /^(?::=|=>|=(?!=)|:(?![:/]))/.exec(text.slice(i, i + 2));
  if (!sep) return undefined;
  i += sep[0].length;
  while (i - keyEnd < 24 && /[* \t]/.test(text[i] ?? "")) i++;
  const q = text[i];
  let valueStart: number;
  let valueEnd: number;
  if (q === '"' || q === "'" || q === "`") {
    valueStart = i + 1;
    valueEnd = valueStart;
    while (valueEnd < text.length && valueEnd - valueStart < MAX_VALUE && text[valueEnd] !== q && text[valueEnd] !== "\n") {
      valueEnd += text[valueEnd] === "\\" ? 2 : 1;
    }
    if (text[valueEnd] !== q) return undefined;
  } else {
    valueStart = i;
    valueEnd = i;
    // "${VAR}", "ENC[a,b]": brackets opened inside the value do not end it.
    let depth = 0;
    while (valueEnd < text.length && valueEnd - valueStart < MAX_VALUE) {
      const c = text[valueEnd] as string;
      if (c === "{" || c === "[") depth++;
      else if ((c === "}" || c === "]") && depth > 0) depth--;
      else if (endsValue(c) || (c === "\n")) break;
      valueEnd++;
    }
  }
  const quoted = valueStart > 0 && /["'`]/.test(text[valueStart - 1] ?? "") && text[valueEnd] === text[valueStart - 1];
  const before = text.slice(Math.max(0, keyStart - 40), keyStart);
  const lineBefore = before.slice(before.lastIndexOf("\n") + 1);
  const code = DECLARATION.test(lineBefore) || (!quoted && CONTINUES.test(text.slice(valueEnd, valueEnd + 3)));
  return { key, valueStart, value: text.slice(valueStart, valueEnd), end: valueEnd + (quoted ? 1 : 0), quoted, code };
}

/** A token of an unknown format in prose: long, random, and not a name made of words. Hex needs 32. */
function looksGenerated(tok: string): boolean {
  if (tok.length < 20 || !looksRandom(tok, 3.8)) return false;
  if (/^[0-9a-f]+$/i.test(tok)) return tok.length >= 32 && !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(tok);
  return alnumClasses(tok) >= 2 && !looksLikeName(tok);
}

/** The first random-looking token within 80 characters after a secret word, same line. */
function tokenAfter(text: string, from: number): Hit | undefined {
  const end = Math.min(text.length, from + 80);
  let i = from;
  while (i < end && text.charCodeAt(i) !== 10) {
    if (TOKEN_CHAR[text.charCodeAt(i)] !== 1) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && j - i < 200 && TOKEN_CHAR[text.charCodeAt(j)] === 1) j++;
    if (j - i < 20) {
      i = j;
      continue;
    }
    const tok = text.slice(i, j).replace(/[.=]+$/, "");
    if (looksGenerated(tok) && !isPlaceholder(tok) && !NOT_SECRET_VALUE.some((re) => re.test(tok))) {
      return { index: i, secret: tok, rule: "generic-secret", priority: PRIORITY.generic };
    }
    i = j;
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
      const t = tokenAfter(text, ke);
      if (t) {
        consumed = t.index + t.secret.length;
        yield t;
      }
    }
  }
}

// The generic rules: a value assigned to a key that names a secret (.env, YAML, JSON, TOML,
// Markdown "Password: …" lines), and a random-looking token right after a secret word in prose.
// Both are anchored on one keyword regex; every hit reads a bounded window and the next search
// starts after what was read, so the scan stays linear.
import { charClasses, looksRandom, sequentialShare, shannon } from "../entropy.js";
import { isPlaceholder, isReference } from "../placeholder.js";
import { type Hit, PRIORITY, type Rule } from "../rule.js";
import { classifyKey, type SecretKeyKind } from "./key-names.js";

const KEYWORD = /pass|pwd|secret|token|key|auth|credential|bearer/gi;
const MAX_KEY = 64;
const MAX_VALUE = 512;

const isKeyChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_.-]/.test(c);
const isTokenChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_\-+/=.~]/.test(c);

/** Values that are identifiers of something public rather than secrets. */
const NOT_SECRET_VALUE = [
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUID
  /^(?:sha1|sha256|sha384|sha512|md5|blake2b|blake3)[-:][A-Za-z0-9+/=]{16,}$/i, // integrity, content hash
  /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d{3}|sk-ssh-ed25519@openssh\.com)\b/, // public keys
  /^-----BEGIN /, // PEM blocks have their own rule
  /^(?:ENC|AGE)\[/, // sops-encrypted values
  /^data:[a-z]+\/[a-z0-9.+-]+;base64,/i, // inline images
  /^[0-9.,_:+-]+$/, // numbers, versions, times
  /^(?:https?|wss?):\/\/[^:@\s]+$/, // plain URLs (credentials in URLs have their own rule)
  /^[/~.][^\s]*\/[^\s]*$/, // paths
];

function valueLooksSecret(value: string, kind: SecretKeyKind): boolean {
  if (value.length < 6 || isReference(value) || isPlaceholder(value)) return false;
  if (NOT_SECRET_VALUE.some((re) => re.test(value))) return false;
  if (/^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(value) && kind === "password") return false;
  if (kind === "password") {
    if (/\s/.test(value) && value.split(/\s+/).length > 3 && shannon(value) < 3.5) return false;
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
}

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
    while (valueEnd < text.length && valueEnd - valueStart < MAX_VALUE && !/[\s,;}\]]/.test(text[valueEnd] as string)) valueEnd++;
  }
  return { key, valueStart, value: text.slice(valueStart, valueEnd), end: valueEnd };
}

/** The first random-looking token within 80 characters after a secret word, same line. */
function tokenAfter(text: string, from: number): Hit | undefined {
  const end = Math.min(text.length, from + 80);
  let i = from;
  while (i < end && text[i] !== "\n") {
    if (!isTokenChar(text[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && j - i < 200 && isTokenChar(text[j])) j++;
    const tok = text.slice(i, j).replace(/[.=]+$/, "");
    if (tok.length >= 20 && looksRandom(tok, 3.8) && charClasses(tok) >= 3 && !isPlaceholder(tok) && !NOT_SECRET_VALUE.some((re) => re.test(tok))) {
      return { index: i, secret: tok, rule: "generic-secret", priority: PRIORITY.generic };
    }
    i = j;
  }
  return undefined;
}

export const keywordRule: Rule = {
  id: "secret-assignment",
  priority: PRIORITY.assignment,
  *scan(text: string): Generator<Hit> {
    const re = new RegExp(KEYWORD.source, KEYWORD.flags);
    let consumed = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      let ks = m.index;
      while (ks > consumed && m.index - ks < MAX_KEY && isKeyChar(text[ks - 1])) ks--;
      let ke = m.index + m[0].length;
      while (ke < text.length && ke - m.index < MAX_KEY && isKeyChar(text[ke])) ke++;
      consumed = ke;
      re.lastIndex = ke;
      let kind = classifyKey(text.slice(ks, ke));
      if (!kind && text[ks - 1] === " ") {
        // Prose: "the api key is …", "API key: …" — take one word before.
        let ps = ks - 1;
        while (ps > 0 && ks - ps < 32 && isKeyChar(text[ps - 1])) ps--;
        kind = classifyKey(text.slice(ps, ke));
      }
      if (!kind) continue;
      const a = readAssignment(text, ks, ke);
      if (a) {
        consumed = a.end;
        re.lastIndex = Math.max(ke, a.end);
        if (valueLooksSecret(a.value, kind)) yield { index: a.valueStart, secret: a.value };
        continue;
      }
      const t = tokenAfter(text, ke);
      if (t) {
        consumed = t.index + t.secret.length;
        re.lastIndex = consumed;
        yield t;
      }
    }
  },
};

// Assignments whose key names a secret: `KEY=value` (.env), `key: value` (YAML, Markdown),
// `"key": "value"` (JSON), `key = "value"` (TOML), and string literals in code. Reads the value
// after the key (bounded) and judges it: references, placeholders, names and code are not secrets.
import { decodeBase64Text } from "../decode/base64.js";
import { alnumClasses, charClasses, looksRandom, sequentialShare, shannon } from "../entropy.js";
import { isPlaceholder, isReference } from "../placeholder.js";
import { readOtherForm } from "./assignment-forms.js";
import { digitKey, hasVendorWord, type SecretKeyKind, uuidKey } from "./key-names.js";
import { charTable, charTest } from "./provider.js";

const MAX_VALUE = 512;
const endsValue = charTest("\\s,;}\\]");

/** Values that are identifiers of something public rather than secrets. */
export const NOT_SECRET_VALUE = [
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an assigned value is a secret, given what kind of secret its key names. */
export function valueLooksSecret(a: Assignment, kind: SecretKeyKind): boolean {
  const value = a.value;
  if (value.length < 6) return false;
  // In code a secret is a string literal; an unquoted value there is an identifier or expression.
  if (!a.quoted && (a.code || /[()[\]{}<>]/.test(value) || /^!/.test(value) || DOTTED_NAME.test(value))) return false;
  // Shapes vendors really use: a UUID (Heroku, Snyk, HubSpot…) or digits, under a key that says so.
  if (UUID.test(value)) return uuidKey(a.key, kind) && !isPlaceholder(value);
  if (/^[0-9]+$/.test(value)) return digitKey(a.key, kind, value) && !isPlaceholder(value);
  // Tokens mix case or digits; "secret=pass_key-auth" and "my-service-name" are names (checked first: cheap).
  if (kind === "token" && (alnumClasses(value) < 2 || /\s/.test(value))) return false;
  if (isReference(value) || isPlaceholder(value) || encodesStandIn(value)) return false;
  if (NOT_SECRET_VALUE.some((re) => re.test(value))) return false;
  if (/^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(value) && kind === "password") return false;
  if (kind === "password") {
    // Words and spaces only: a description ("Password used to generate key"), not a password.
    if (/\s/.test(value) && /^[A-Za-z\s.,'-]+$/.test(value)) return false;
    return (charClasses(value) >= 2 || value.length >= 12) && sequentialShare(value) < 0.5;
  }
  if (/\s/.test(value)) return false;
  if (looksRandom(value, 3.0) || (value.length >= 10 && charClasses(value) >= 3 && shannon(value) >= 2.8)) return true;
  // A vendor's short token (Dropbox, LinkedIn, Travis: 14–22 lower-case letters and digits).
  return value.length >= 12 && hasVendorWord(a.key) && /[0-9]/.test(value) && /[A-Za-z]/.test(value) && shannon(value) >= 3.0;
}

/** Base64 of a placeholder or reference (a Kubernetes Secret's `password: Y2hhbmdlbWU=`). */
function encodesStandIn(value: string): boolean {
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const decoded = decodeBase64Text(value);
  return decoded !== undefined && (isPlaceholder(decoded) || isReference(decoded));
}

export interface Assignment {
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

const BEFORE_SEP = charTable("\"'* \\t");
const AFTER_SEP = charTable("* \\t");

/**
 * Length of the separator at `i`: `=`, `:`, `=>`, and the Make/shell forms `:=`, `::=`, `?=`, `+=`
 * (not `==`, `::` or `://`), or 0.
 */
function separatorAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  if (c === 61) return next === 61 ? 0 : next === 62 ? 2 : 1; // = == =>
  if (c === 58) {
    if (next === 58) return text.charCodeAt(i + 2) === 61 ? 3 : 0; // ::= ::
    return next === 61 ? 2 : next === 47 ? 0 : 1; // := :/
  }
  if ((c === 63 || c === 43) && next === 61 && text.charCodeAt(i + 2) !== 61) return 2; // ?= +=
  return 0;
}

const skipBlank = (text: string, i: number) => {
  let j = i;
  while (j - i < 8 && (text[j] === " " || text[j] === "\t")) j++;
  return j;
};

/** Reads `key <sep> value` from the key's end; undefined when there is no separator. */
export function readAssignment(text: string, keyStart: number, keyEnd: number): Assignment | undefined {
  // Most keywords are prose with no separator: decide that from char codes, allocating nothing.
  let i = keyEnd;
  while (i - keyEnd < 8 && BEFORE_SEP[text.charCodeAt(i)] === 1) i++;
  // `os.environ["API_KEY"] = …`, `ENV['TOKEN'] = …`: the key is an index.
  if (text.charCodeAt(i) === 93 && /["']/.test(text[i - 1] ?? "")) i = skipBlank(text, i + 1);
  const sepLength = separatorAt(text, i);
  if (sepLength === 0) return readOtherForm(text, keyStart, keyEnd, i);
  const key = text.slice(keyStart, keyEnd);
  i += sepLength;
  while (i - keyEnd < 24 && AFTER_SEP[text.charCodeAt(i)] === 1) i++;
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
      else if (endsValue(c) || c === "\n") break;
      // A literal "\n" ends a line of text held in a JSON string ("A=1\nTOKEN=…").
      else if (c === "\\" && /[nrt"]/.test(text[valueEnd + 1] ?? "")) break;
      valueEnd++;
    }
  }
  const quoted = valueStart > 0 && /["'`]/.test(text[valueStart - 1] ?? "") && text[valueEnd] === text[valueStart - 1];
  const before = text.slice(Math.max(0, keyStart - 40), keyStart);
  const lineBefore = before.slice(before.lastIndexOf("\n") + 1);
  const code = DECLARATION.test(lineBefore) || (!quoted && CONTINUES.test(text.slice(valueEnd, valueEnd + 3)));
  return { key, valueStart, value: text.slice(valueStart, valueEnd), end: valueEnd + (quoted ? 1 : 0), quoted, code };
}

// Values that look like secrets but are not: placeholders, vendor examples and references.
import { charClasses, sequentialShare, shannon } from "./entropy.js";

/** Marks of a stand-in ("<your key>", "xxxx", "changeme", "AKIA…EXAMPLE") that chance does not produce. */
const STRONG = /example|placeholder|change[_-]?me|redacted|sample|insert|replace|foobar|secret[_-]?here/i;
const STRONG_CASED = /xxxx|XXXX|\*\*\*|\.\.\.|…|<[^>]{0,40}>/;
/** Short words that also turn up by chance inside random tokens ("…RitodO…", "moFAKE"). */
const WEAK = /your[_\-. ]?|dummy|fake|todo|fixme|lorem|here$/i;
const WEAK_ALL = new RegExp(WEAK.source, "gi");

/** Values that are references to a secret kept elsewhere, not the secret. */
const REFERENCE =
  /^(?:\$\{[^}]{1,200}\}(?:[^\s]{0,200})|\$\([^)]{1,200}\)|\$[A-Za-z_][A-Za-z0-9_]{0,100}|\{\{[^}]{0,200}\}\}|%\([^)]{1,100}\)s|%[A-Z_]{1,100}%|<%=?[^%]{0,200}%>|`[^`]{1,200}`|(?:op|vault|sops|awssm|gcpsm|azkv|env|file|secret|keyring):\/?\/?[^\s]{0,300}|process\.env\.[A-Za-z_]\w{0,100}|os\.environ\b.{0,100}|(?:ENC|AGE)\[[^\]]{0,4000}\]|!vault\b.{0,100}|\/(?:run|var\/run|etc)\/secrets?\/.{0,200}|secret\/data\/.{0,200})$/;

/** Known vendor documentation values that appear in real soul repos as examples. */
const KNOWN_EXAMPLES = new Set([
  "AKIAIOSFODNN7EXAMPLE",
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
]);

/** Public constants that start key material and token formats (not secret on their own). */
const FORMAT_HEADERS = ["b3BlbnNzaC1rZXktdjE", "pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw", "AAAAB3NzaC1yc2E", "AAAAC3NzaC1lZDI1NTE5", "AAAAE2VjZHNhLXNoYTItbmlzdHA"];

/** Words that are never a real password value. */
const TRIVIAL = new Set([
  "password", "passwd", "secret", "token", "changeme", "change_me", "none", "null", "nil", "true", "false",
  "undefined", "empty", "default", "required", "optional", "string", "example", "test", "testing", "admin",
  "root", "guest", "user", "username", "letmein", "hunter2", "qwerty", "abc123", "123456", "12345678",
  "pass", "pwd", "tbd", "todo", "n/a", "na", "unset", "redacted", "hidden", "masked", "secure",
]);

/** True for stand-ins: vendor examples, "<your key>", "xxxx", runs of one character, "abcd1234…". */
export function isPlaceholder(value: string): boolean {
  if (KNOWN_EXAMPLES.has(value)) return true;
  if (FORMAT_HEADERS.some((h) => value.includes(h) && value.length <= h.length + 8)) return true;
  if (STRONG.test(value) || STRONG_CASED.test(value)) return true;
  if (WEAK.test(value)) {
    // A stand-in has little besides the word; a real token around it is still random.
    const rest = value.replace(WEAK_ALL, "").replace(/^[a-z]{2,8}[_-](?:[a-z]{2,8}[_-])?/, "").replace(/[^A-Za-z0-9]/g, "");
    if (!(rest.length >= 12 && shannon(rest) >= 3.0 && charClasses(rest) >= 2)) return true;
  }
  if (TRIVIAL.has(value.toLowerCase())) return true;
  const core = value.replace(/[^A-Za-z0-9]/g, "");
  if (core.length >= 8 && sequentialShare(core) >= 0.6) return true;
  return /^(.)\1*$/.test(core) && core.length > 0;
}

/** True for `${VAR}`, `$(cat …)`, `{{ .Values.x }}`, `op://…`, `/run/secrets/x`, sops `ENC[…]`. */
export function isReference(value: string): boolean {
  return value.length <= 4096 && REFERENCE.test(value.trim());
}

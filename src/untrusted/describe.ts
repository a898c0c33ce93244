// A value that fails a check is described, never quoted: it is input, and may be a secret put
// in the wrong place (a token pasted as an IP address, a key as a front-matter language).

/** "a 40-character value" plus, for values long enough that two characters reveal nothing, how it starts. */
export function describeValue(value: string): string {
  const chars = [...value];
  const n = chars.length;
  if (n === 0) return "an empty value";
  // A short word cannot be a credential: naming it helps more than it risks.
  if (n <= 6 && /^[A-Za-z0-9._-]+$/.test(value)) return `"${value}"`;
  // Nor can an address-shaped value (digits, dots, one slash) such as 10.0.1.9 or 10.0.1.0/24.
  if (n <= 18 && /^\d{1,3}(?:\.\d{1,3}){1,3}(?:\/\d{1,2})?$/.test(value)) return `"${value}"`;
  const kind = /^[0-9]+$/.test(value) ? "digits" : /^[A-Za-z0-9_.-]+$/.test(value) ? "letters, digits or ._-" : "mixed characters";
  const start = n >= 8 && /^[\x21-\x7e]{2}$/.test(chars.slice(0, 2).join("")) ? `, starting "${chars.slice(0, 2).join("")}…"` : "";
  return `a ${n}-character value of ${kind}${start}`;
}

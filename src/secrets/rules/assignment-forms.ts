// The other ways code and config give a secret a name: an XML element (`<password>…</password>`,
// the value maybe on its own line), an attribute pair (`<add key="ApiKey" value="…"/>`), a
// setter or define call (`setPassword("…")`, `define('DB_PASSWORD', '…')`), and an index
// assignment (`os.environ["API_KEY"] = "…"`). Each is recognised from the character after the key.
import type { Assignment } from "./assignment.js";

const MAX_VALUE = 512;
const SETTER = /^(?:set|with|use|put|update)[A-Z_]/;
/** A call whose first argument names what its second one is. */
const NAMING_CALL = /(?:\b(?:define|setenv|putenv|set|put|add|store|save|update|setProperty|setItem|setSecret|setPassword|set_secret)|\.(?:set|put|add|setdefault))\s*\(\s*$/;

/** `next` is the offset after the key and any quote or space that follows it. */
export function readOtherForm(text: string, keyStart: number, keyEnd: number, next: number): Assignment | undefined {
  const c = text[next];
  const quote = text[keyStart - 1];
  // Prose is the common case: no allocation until a form is likely.
  if (c !== ">" && c !== "(" && c !== "," && c !== "v") return undefined;
  const key = text.slice(keyStart, keyEnd);
  if (c === ">" && quote === "<") return elementValue(text, key, next + 1);
  if (c === "(" && SETTER.test(key.slice(key.lastIndexOf(".") + 1))) return quotedAt(text, key, skipSpaces(text, next + 1), /^\s*[),]/);
  if (quote !== '"' && quote !== "'") return undefined;
  if (c === "," && NAMING_CALL.test(text.slice(Math.max(0, keyStart - 41), keyStart - 1))) {
    return quotedAt(text, key, skipSpaces(text, next + 1), /^\s*[),]/);
  }
  if (text.startsWith("value=", next) && /(?:key|name)=$/.test(text.slice(keyStart - 5, keyStart - 1))) return quotedAt(text, key, next + 6, /^/);
  return undefined;
}

const skipSpaces = (text: string, i: number) => {
  let j = i;
  while (j - i < 16 && (text[j] === " " || text[j] === "\t")) j++;
  return j;
};

/** A string literal at `i` followed by `after`. */
function quotedAt(text: string, key: string, i: number, after: RegExp): Assignment | undefined {
  const q = text[i];
  if (q !== '"' && q !== "'" && q !== "`") return undefined;
  const start = i + 1;
  let end = start;
  while (end < text.length && end - start < MAX_VALUE && text[end] !== q && text[end] !== "\n") end += text[end] === "\\" ? 2 : 1;
  if (text[end] !== q || !after.test(text.slice(end + 1, end + 3))) return undefined;
  return { key, valueStart: start, value: text.slice(start, end), end: end + 1, quoted: true, code: false };
}

/** The text of `<key>…</key>`, trimmed; it may sit on its own line between the tags. */
function elementValue(text: string, key: string, i: number): Assignment | undefined {
  const close = text.indexOf("<", i);
  if (close < 0 || close - i > MAX_VALUE || !text.startsWith(`</${key}>`, close)) return undefined;
  const raw = text.slice(i, close);
  const lead = raw.length - raw.trimStart().length;
  const value = raw.trim();
  if (value.includes("\n")) return undefined;
  return { key, valueStart: i + lead, value, end: close, quoted: true, code: false };
}

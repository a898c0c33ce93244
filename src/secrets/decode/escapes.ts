// JSON and YAML double-quoted strings that carry escapes ("KEY=v\nTOKEN=…", "-----BEGIN…\n…"):
// each such string is decoded once, so what it holds is scanned as the lines it stands for.
import { type Decoded, DecodedBuilder } from "./decoded.js";

/** Longest string decoded (a JSON-escaped 16k-bit PEM key is about 13 KB). */
const MAX_STRING = 256 * 1024;

const SIMPLE: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", "'": "'" };

/**
 * Every double-quoted string with an escape that changes a line ("\n", "\r", "\t", "\"", "\u…").
 * The search moves forward only: a string ends before the next one is looked for (linear).
 */
export function* escapedStrings(text: string): Generator<Decoded> {
  let from = 0;
  for (let bs = text.indexOf("\\", from); bs >= 0; bs = text.indexOf("\\", from)) {
    const lineStart = text.lastIndexOf("\n", bs) + 1;
    const open = openingQuote(text, Math.max(lineStart, from), bs);
    if (open < 0) {
      from = bs + 2;
      continue;
    }
    const d = decodeString(text, open + 1);
    from = d.end + 1;
    if (d.changed) yield d.decoded;
  }
}

/** The quote that opens the string holding the backslash at `bs`: quotes between are balanced. */
function openingQuote(text: string, lineStart: number, bs: number): number {
  let open = -1;
  for (let i = lineStart; i < bs; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++; // an escape inside a string skips the next character
    else if (c === 34) open = open < 0 ? i : -1;
  }
  return open;
}

function decodeString(text: string, start: number): { decoded: Decoded; end: number; changed: boolean } {
  const out = new DecodedBuilder();
  let changed = false;
  let i = start;
  const limit = Math.min(text.length, start + MAX_STRING);
  while (i < limit) {
    const c = text[i] as string;
    if (c === '"' || c === "\n") break;
    if (c !== "\\") {
      out.push(c, i);
      i++;
      continue;
    }
    const e = text[i + 1] ?? "";
    if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
      out.push(String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16)), i);
      i += 6;
      changed = true;
    } else if (SIMPLE[e] !== undefined) {
      out.push(SIMPLE[e] as string, i);
      i += 2;
      changed ||= e !== "\\" && e !== "/";
    } else {
      out.push(c, i);
      i++;
    }
  }
  return { decoded: out.done(), end: i, changed };
}

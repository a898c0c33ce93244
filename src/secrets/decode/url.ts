// URL-encoded text ("token%3Dghp_…", "%22password%22%3A%22…%22"): each run of non-space characters
// that holds a %XX escape is decoded once, so a secret glued to an encoded separator is seen.
import { type Decoded, DecodedBuilder } from "./decoded.js";

const MAX_RUN = 8 * 1024;
const HEX2 = /^[0-9A-Fa-f]{2}$/;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 34 || c === 39 || c === 60 || c === 62;

/** Runs with at least one escape of a separator or quote, decoded (the search only moves forward). */
export function* urlEncodedRuns(text: string): Generator<Decoded> {
  let from = 0;
  for (let p = text.indexOf("%", from); p >= 0; p = text.indexOf("%", from)) {
    if (!HEX2.test(text.slice(p + 1, p + 3))) {
      from = p + 1;
      continue;
    }
    let s = p;
    while (s > from && p - s < MAX_RUN && !isSpace(text.charCodeAt(s - 1))) s--;
    let e = p;
    while (e < text.length && e - p < MAX_RUN && !isSpace(text.charCodeAt(e))) e++;
    from = e;
    const out = new DecodedBuilder();
    let escapes = 0;
    for (let i = s; i < e; ) {
      if (text[i] === "%" && HEX2.test(text.slice(i + 1, i + 3))) {
        const byte = Number.parseInt(text.slice(i + 1, i + 3), 16);
        // Only ASCII: a multi-byte UTF-8 sequence is text, not a separator hiding a token.
        out.push(byte < 128 ? String.fromCharCode(byte) : "\ufffd", i);
        if (byte < 128 && !/[A-Za-z0-9]/.test(String.fromCharCode(byte))) escapes++;
        i += 3;
      } else {
        out.push(text[i] === "+" ? " " : (text[i] as string), i);
        i++;
      }
    }
    if (escapes > 0) yield out.done();
  }
}

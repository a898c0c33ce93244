// Base64 where secrets are usually wrapped in it: a run that starts like an encoded JWT ("eyJ" →
// "ZXlK") or PEM block ("-----BEGIN" → "LS0tLS1CRUdJTi"), and the values of a Kubernetes
// Secret's `data:`. Each is decoded once; text that does not decode to printable text is dropped.
import { Buffer } from "node:buffer";
import { type Decoded, DecodedBuilder, scaled } from "./decoded.js";

/** A Kubernetes Secret value is at most 1 MiB; a longer run is not one we decode. */
const MAX_RUN = 1024 * 1024 + 4;

const B64_CHAR = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=") B64_CHAR[c.charCodeAt(0)] = 1;
export const isB64Code = (c: number) => c < 128 && B64_CHAR[c] === 1;

/** Decodes standard or URL-safe base64 when the result is printable text (tabs and newlines allowed). */
export function decodeBase64Text(s: string): string | undefined {
  if (s.length < 8 || s.length % 4 === 1) return undefined;
  const text = Buffer.from(s, /[-_]/.test(s) ? "base64url" : "base64").toString("latin1");
  let printable = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 9 || c === 10 || c === 13) printable++;
  }
  return text.length > 0 && printable === text.length ? text : undefined;
}

/** Anchors of base64 runs worth decoding: what an encoded JWT and an encoded PEM block start with. */
export const BASE64_ANCHORS = ["ZXlK", "LS0tLS1CRUdJTi"];

/** The base64 run at each anchor, decoded (a run is read once: the search moves past it). */
export function* anchoredBase64(text: string): Generator<Decoded> {
  const re = /ZXlK|LS0tLS1CRUdJTi/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index;
    // Inside a longer run it is not where the encoding starts ("=" ends runs, it may precede one).
    if (start > 0 && text[start - 1] !== "=" && isB64Code(text.charCodeAt(start - 1))) continue;
    let e = start;
    while (e < text.length && e - start < MAX_RUN && isB64Code(text.charCodeAt(e))) e++;
    re.lastIndex = e;
    const decoded = decodeBase64Text(text.slice(start, e));
    if (decoded) yield scaled(decoded, start);
  }
}

/**
 * The `data:` values of a Kubernetes Secret (YAML or JSON), decoded and given back their key, so
 * `password: cGFzc…` is judged like `password: <plain>`. Only in a text that declares `kind: Secret`.
 */
export function* secretData(text: string): Generator<Decoded> {
  if (!/["']?kind["']?\s*:\s*["']?Secret\b/.test(text)) return;
  const re = /^([ \t]*)["']?data["']?[ \t]*:[ \t]*\{?[ \t]*$/gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const indent = (m[1] as string).length;
    let at = m.index + m[0].length + 1;
    // One entry a line, indented deeper than `data:` (YAML) or inside the braces (JSON).
    while (at < text.length) {
      const end = text.indexOf("\n", at) < 0 ? text.length : text.indexOf("\n", at);
      const line = text.slice(at, end);
      const entry = /^([ \t]*)["']?([A-Za-z0-9._-]{1,253})["']?[ \t]*:[ \t]*["']?([A-Za-z0-9+/=]{4,})["']?,?[ \t]*$/.exec(line);
      if (!entry || (entry[1] as string).length <= indent) break;
      const value = entry[3] as string;
      const decoded = decodeBase64Text(value);
      if (decoded) {
        const b = new DecodedBuilder();
        const keyAt = at + line.indexOf(entry[2] as string);
        const valueAt = at + line.lastIndexOf(value);
        for (let k = 0; k < (entry[2] as string).length; k++) b.push((entry[2] as string)[k] as string, keyAt + k);
        b.push(": ", valueAt);
        // A multi-line value (a PEM block) keeps its lines; each maps back to the encoded run.
        for (let k = 0; k < decoded.length; k++) b.push(decoded[k] as string, valueAt + Math.floor((k * 4) / 3));
        yield b.done();
      }
      at = end + 1;
    }
    re.lastIndex = at;
  }
}

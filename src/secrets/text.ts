import { Buffer, isAscii } from "node:buffer";

// Bytes to text for scanning: binary files are recognised, non-UTF-8 text is still scanned.

/** How many leading bytes are inspected to decide whether a file is binary (git uses 8000). */
const SNIFF = 8000;

const utf8 = new TextDecoder("utf-8", { fatal: true });
const latin1 = new TextDecoder("latin1");

/** Binary: a NUL byte in the first 8000 bytes (as git decides), unless it is UTF-16 with a BOM. */
export function isBinary(data: Uint8Array): boolean {
  if (utf16Of(data)) return false;
  return Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, SNIFF)).indexOf(0) >= 0;
}

function utf16Of(data: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (data[0] === 0xff && data[1] === 0xfe) return "utf-16le";
  if (data[0] === 0xfe && data[1] === 0xff) return "utf-16be";
  return undefined;
}

/** Decodes as UTF-8 (or UTF-16 with a BOM); invalid UTF-8 falls back to Latin-1 so ASCII tokens survive. */
export function decodeForScan(data: Uint8Array): string {
  const wide = utf16Of(data);
  if (wide) return new TextDecoder(wide).decode(data);
  // Most soul text is plain ASCII: then a one-byte copy is the exact decoding, and the fastest.
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (isAscii(bytes)) return bytes.toString("latin1");
  try {
    return utf8.decode(data);
  } catch {
    return latin1.decode(data);
  }
}

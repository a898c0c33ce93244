// UTF-8 decoding with the position of the first bad byte, for messages.

const decoder = new TextDecoder("utf-8", { fatal: true });

export type TextCheck =
  | { ok: true; text: string }
  | { ok: false; code: "E_NOT_UTF8" | "E_NUL_BYTE"; line: number; column: number; message: string };

/** Line and column (1-based) of a byte offset. */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** First offset where `bytes` stops being valid UTF-8 (binary search on prefix decodes is overkill; scan). */
function firstInvalid(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + n));
    } catch {
      return i;
    }
    i += n;
  }
  return bytes.length;
}

/** Decodes strict UTF-8 text with no NUL bytes. */
export function decodeText(bytes: Uint8Array): TextCheck {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, code: "E_NUL_BYTE", ...position(bytes, nul), message: "file contains a NUL byte (binary, not text)" };
  }
  try {
    const text = decoder.decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    const at = firstInvalid(bytes);
    return { ok: false, code: "E_NOT_UTF8", ...position(bytes, at), message: "file is not valid UTF-8 text" };
  }
}

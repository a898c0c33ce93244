// File names from the filesystem are bytes: one that is not UTF-8 is reported with a readable
// escape (\xNN for each bad byte) instead of being decoded lossily into a name that does not exist.

const strict = new TextDecoder("utf-8", { fatal: true });

/** The name as text, or undefined when its bytes are not UTF-8. */
export function decodeName(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A printable rendering of any name: valid UTF-8 runs as they are, every other byte as \xNN. */
export function escapeName(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    const text = n > 0 && i + n <= bytes.length ? decodeName(bytes.subarray(i, i + n)) : undefined;
    if (text !== undefined && !/[\p{Cc}]/u.test(text)) {
      out += text;
      i += n;
    } else {
      out += `\\x${b.toString(16).padStart(2, "0")}`;
      i++;
    }
  }
  return out;
}

// A piece of text decoded out of a larger one, with the way back: `at(i)` is the offset in the
// original text of the decoded character `i`, so a finding inside decoded text still names the
// original file, line and column.

export interface Decoded {
  text: string;
  at(index: number): number;
}

/** Decoded text built character by character, each with its source offset (JSON escapes, %XX). */
export class DecodedBuilder {
  private readonly parts: string[] = [];
  private readonly offsets: number[] = [];

  push(ch: string, sourceOffset: number): void {
    this.parts.push(ch);
    for (let k = 0; k < ch.length; k++) this.offsets.push(sourceOffset);
  }

  done(): Decoded {
    const offsets = this.offsets;
    return { text: this.parts.join(""), at: (i) => offsets[Math.min(i, offsets.length - 1)] ?? 0 };
  }
}

/** Decoded base64 of the run at `start`: offsets are scaled back (4 characters per 3 bytes). */
export function scaled(text: string, start: number): Decoded {
  return { text, at: (i) => start + Math.floor((i * 4) / 3) };
}

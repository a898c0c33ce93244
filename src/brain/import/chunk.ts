// Splits a memory body into search chunks (pure). Paragraphs are kept whole and packed up to
// a target size; an over-long paragraph is cut at word boundaries. Changing this algorithm
// means bumping CHUNKING_VERSION, so the next import re-chunks every memory.

export const CHUNKING_VERSION = 1;
export const CHUNK_TARGET_CHARS = 1500;

function cutLong(paragraph: string, max: number): string[] {
  const out: string[] = [];
  let rest = paragraph;
  while (rest.length > max) {
    const space = rest.lastIndexOf(" ", max);
    const at = space > max / 2 ? space : max;
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) out.push(rest);
  return out;
}

/** The chunks of `text`: never empty (a blank body gives one empty chunk, so the title still indexes). */
export function chunkText(text: string, max = CHUNK_TARGET_CHARS): string[] {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .flatMap((p) => cutLong(p, max));
  const chunks: string[] = [];
  let current = "";
  for (const p of paragraphs) {
    if (current && current.length + 2 + p.length > max) {
      chunks.push(current);
      current = p;
    } else {
      current = current ? `${current}\n\n${p}` : p;
    }
  }
  if (current || chunks.length === 0) chunks.push(current);
  return chunks;
}

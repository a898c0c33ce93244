// Offsets to 1-based line and column, with one pass to index line starts.

export interface LineIndex {
  /** 1-based line and column of a UTF-16 offset. */
  at(offset: number): { line: number; column: number };
  /** Offset where the line containing `offset` starts, and where it ends (before "\n"). */
  bounds(offset: number): { start: number; end: number };
}

export function indexLines(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    at(offset) {
      const l = lineOf(offset);
      return { line: l + 1, column: offset - (starts[l] as number) + 1 };
    },
    bounds(offset) {
      const l = lineOf(offset);
      const next = starts[l + 1];
      return { start: starts[l] as number, end: next === undefined ? text.length : next - 1 };
    },
  };
}

// Maps a JSON path to a line and column in JSON or YAML text, for error messages.
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";

export interface Locator {
  /** Position of the value at `path`, or of the deepest ancestor that exists. */
  at(path: readonly PropertyKey[]): { line: number; column: number };
  /** Position of the key itself at `path` (for unknown keys). */
  keyAt(path: readonly PropertyKey[]): { line: number; column: number };
}

/**
 * `lineOffset` is added to every line (front matter starts below the opening ---). The text is
 * parsed only when a position is first asked for: valid files never pay for it.
 */
export function createLocator(text: string, lineOffset = 0): Locator {
  let parsed: Locator | undefined;
  const get = () => {
    if (!parsed) {
      const lineCounter = new LineCounter();
      parsed = locatorOf(parseDocument(text, { lineCounter, schema: "core", uniqueKeys: false }), lineCounter, lineOffset);
    }
    return parsed;
  };
  return { at: (p) => get().at(p), keyAt: (p) => get().keyAt(p) };
}

/** A locator over a document already parsed with `lineCounter`. */
export function locatorOf(doc: Document.Parsed, lineCounter: LineCounter, lineOffset = 0): Locator {
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };
  const start = { line: 1 + lineOffset, column: 1 };

  function walk(path: readonly PropertyKey[], wantKey: boolean): { line: number; column: number } {
    let node: unknown = doc.contents;
    let best = node && (node as Node).range ? pos((node as Node).range![0]) : start;
    for (const [i, step] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) return best;
        const key = pair.key as Node;
        if (wantKey && i === path.length - 1 && key.range) return pos(key.range[0]);
        node = pair.value;
        const r = (node as Node | null)?.range ?? key.range;
        if (r) best = pos(r[0]);
      } else if (isSeq(node) && typeof step === "number") {
        node = node.items[step];
        const r = (node as Node | undefined)?.range;
        if (!r) return best;
        best = pos(r[0]);
      } else {
        return best;
      }
    }
    return best;
  }
  return { at: (p) => walk(p, false), keyAt: (p) => walk(p, true) };
}

/** `a.b[0].c` for messages. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const step of path) {
    if (typeof step === "number") out += `[${step}]`;
    else out += out === "" ? String(step) : `.${String(step)}`;
  }
  return out === "" ? "(root)" : out;
}

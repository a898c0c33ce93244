// The common shape of front matter, read without the full YAML parser: `key: value` lines at
// column 1 whose values are plain scalars, simply quoted strings or one-line lists of plain
// scalars (`topics: [a, b]`), one level of nested `key: value` lines under a key with no value
// (`metadata:`), and blank and comment lines between. Anything else (escapes, blocks, anchors,
// tags, deeper nesting, a duplicate key, a number written in a way with more than one reading)
// returns undefined and goes to the yaml package, which is also the reference:
// test/untrusted/yaml-flat.test.ts holds the two to the same values. Cold, the yaml package spent
// about 0.5 ms on each small block, most of a re-render's validation (bench/render-cpu).

/**
 * A key: a plain word after `indent` spaces, followed by `:` and a space or the line's end. The
 * value is taken whole and its spaces stripped in code: a lazy `(.*?)` before `[ ]*$` backtracked
 * quadratically on a long line of spaces.
 */
const LINE = /^( *)([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
/** A line of spaces only (YAML's white space is space and tab; tabs already went to the parser). */
const BLANK = /^ *$/;
/** Keys the core schema reads as null or a boolean (they would become "", "true", …). */
const NOT_A_WORD_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** Characters that need YAML's own rules (controls but the line feed, tabs, line separators, BOM). */
const NEEDS_PARSER = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
/** A plain scalar that starts like text (no indicator: quotes, `-`, `[`, `&`, `*`, `!`, `|`, …). */
const PLAIN_START = /^[\p{L}\p{N}_.~+/(]/u;

const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** A decimal integer the core schema and Number() read the same way. */
const PLAIN_INT = /^(?:0|[1-9][0-9]{0,14})$/;
/** Every other number form of the core schema (signs, octal, hex, floats, .inf, .nan). */
const OTHER_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

export interface FlatYaml {
  /** A mapping without a prototype, as parseYamlStrict returns it. */
  value: Record<string, unknown>;
  /** 1-based line of each key in the text given. */
  keyLines: Map<string, { line: number; column: number }>;
}

const FALLBACK = Symbol("fallback");
type Scalar = string | number | boolean | null | typeof FALLBACK;

/** A plain scalar's value under the core schema, or FALLBACK when the full parser must decide. */
function scalar(text: string, inFlow: boolean): Scalar {
  if (text === "" || !PLAIN_START.test(text) || text.includes(": ") || text.includes(" #") || text.endsWith(":")) return FALLBACK;
  if (inFlow && /[,[\]{}:]/.test(text)) return FALLBACK;
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === "t" || text[0] === "T";
  if (PLAIN_INT.test(text)) return Number(text);
  if (OTHER_NUMBER.test(text)) return FALLBACK;
  return text;
}

/** `"…"` or `'…'` with nothing inside that needs unescaping. */
function quoted(text: string): Scalar {
  const q = text[0]!;
  const inner = text.slice(1, -1);
  return text.length >= 2 && text.endsWith(q) && !inner.includes(q) && (q === "'" || !inner.includes("\\")) ? inner : FALLBACK;
}

/** `s` without leading and trailing spaces (not String.trim: a no-break space is content in YAML). */
function stripSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return s.slice(a, b);
}

/** A value as it stands after `key:`, its spaces already stripped. */
function value(text: string): Scalar | Scalar[] {
  if (text === "") return null;
  if (text.startsWith('"') || text.startsWith("'")) return quoted(text);
  if (!text.startsWith("[")) return scalar(text, false);
  if (!text.endsWith("]")) return FALLBACK;
  const inner = stripSpaces(text.slice(1, -1));
  if (inner === "") return [];
  return inner.split(",").map((item) => scalar(stripSpaces(item), true));
}

/** True when the full parser must read the value. */
const needsParser = (v: Scalar | Scalar[]): boolean => v === FALLBACK || (Array.isArray(v) && v.includes(FALLBACK));

/** The `key: value` lines indented alike from `start`, as a mapping; undefined when they are more. */
function nested(lines: string[], start: number): { value: Record<string, unknown>; end: number } | undefined {
  const indent = /^ +/.exec(lines[start]!)?.[0] ?? "";
  const out: Record<string, unknown> = Object.create(null);
  let i = start;
  for (; i < lines.length && lines[i]!.startsWith(" "); i++) {
    const m = LINE.exec(lines[i]!);
    if (!m || m[1] !== indent || NOT_A_WORD_KEY.test(m[2]!) || m[2]! in out) return undefined;
    const v = value(stripSpaces(m[3] ?? ""));
    if (needsParser(v)) return undefined;
    out[m[2]!] = v;
  }
  return { value: out, end: i };
}

/** `text` as a flat mapping, or undefined when it is anything the full parser must read (pure). */
export function parseFlatYaml(text: string): FlatYaml | undefined {
  if (NEEDS_PARSER.test(text)) return undefined;
  const out: Record<string, unknown> = Object.create(null);
  const keyLines = new Map<string, { line: number; column: number }>();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (BLANK.test(line) || line.startsWith("#")) continue;
    const m = LINE.exec(line);
    if (!m || m[1] !== "") return undefined;
    const key = m[2]!;
    if (NOT_A_WORD_KEY.test(key) || keyLines.has(key)) return undefined;
    keyLines.set(key, { line: i + 1, column: 1 });
    const text = stripSpaces(m[3] ?? "");
    const v = value(text);
    if (needsParser(v)) return undefined;
    if (text === "" && lines[i + 1]?.startsWith(" ")) {
      // `key:` with nothing after it, then indented lines: one nested mapping.
      const inner = nested(lines, i + 1);
      if (!inner) return undefined;
      out[key] = inner.value;
      i = inner.end - 1;
    } else {
      out[key] = v;
    }
  }
  return keyLines.size === 0 ? undefined : { value: out, keyLines };
}

// The one YAML parser for untrusted text (host.yaml, the bootstrap file, front matter): the core
// schema's tags only (a `!!js/function`, `!!binary` or `!foo` is refused, not kept as a string or
// turned into a Buffer, Date or Set), duplicate keys refused, aliases bounded and resolved, every
// problem located, and mappings built without prototypes so a key named `constructor` or
// `__proto__` is just a key.
import { type Document, isAlias, isNode, LineCounter, parseDocument, visit } from "yaml";
import { describeValue } from "./describe.js";

export const MAX_YAML_ALIASES = 50;
/** Nesting deeper than this is refused before parsing (the parser recurses). */
export const MAX_YAML_DEPTH = 64;
const MAX_ISSUES = 20;

/** The tags of YAML 1.2's core schema, the only ones a value may carry. */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

export interface YamlIssue {
  line: number;
  column: number;
  message: string;
}

export interface ParsedYaml {
  /** The value (null-prototype objects), or undefined when there were issues. */
  value: unknown;
  issues: YamlIssue[];
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** Parses one YAML document strictly (pure); `maxAliases` bounds alias expansion. */
export function parseYamlStrict(text: string, maxAliases = MAX_YAML_ALIASES): ParsedYaml {
  const lineCounter = new LineCounter();
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const before = text.slice(0, deep);
    const line = before.split("\n").length;
    const issue = { line, column: deep - before.lastIndexOf("\n"), message: `nested deeper than ${MAX_YAML_DEPTH} levels` };
    return { value: undefined, issues: [issue], doc: parseDocument(""), lineCounter };
  }
  const doc = parseDocument(text, { schema: "core", uniqueKeys: true, strict: true, prettyErrors: false, lineCounter });
  const at = (offset: number | undefined) => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  const issues: YamlIssue[] = doc.errors.map((e) => ({ ...at(e.pos[0]), message: firstLine(e.message) }));
  let firstAlias: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      firstAlias ??= node.range?.[0];
      if (node.resolve(doc) === undefined) issues.push({ ...at(node.range?.[0]), message: `alias *${shown(node.source).replace(/^"(.*)"$/, "$1")} has no anchor before it` });
    },
    Node(_key, node) {
      if (isAlias(node) || !isNode(node) || node.tag === undefined || CORE_TAGS.has(node.tag)) return;
      issues.push({ ...at(node.range?.[0]), message: `YAML tag ${describeTag(node.tag)} is not allowed (plain values, lists and mappings only)` });
    },
  });
  // An unresolved tag is also a warning of the yaml package; the visit above already refused it.
  for (const w of doc.warnings) if (w.code !== "TAG_RESOLVE_FAILED") issues.push({ ...at(w.pos[0]), message: firstLine(w.message) });
  if (issues.length > 0) return { value: undefined, issues: issues.slice(0, MAX_ISSUES), doc, lineCounter };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: maxAliases });
  } catch (e) {
    return { value: undefined, issues: [{ ...at(firstAlias), message: firstLine((e as Error).message) }], doc, lineCounter };
  }
  return { value: withoutPrototypes(value), issues: [], doc, lineCounter };
}

/** A copy in which every plain object has no prototype (arrays stay arrays). */
export function withoutPrototypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrototypes);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) out[key] = withoutPrototypes((value as Record<string, unknown>)[key]);
  return out;
}

/** yaml's message, first line, with any quoted source text described instead (it may be a secret). */
const firstLine = (message: string) => (message.split("\n")[0] || "invalid YAML").replace(/"([^"]*)"/g, (_, quoted: string) => shown(quoted));

/** Offset where flow brackets ([ {) nest deeper than the limit, or undefined (quotes ignored: a bound, not a parse). */
export function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_YAML_DEPTH) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}

/** A tag as written when it has a tag's short shape (!!js/function, !foo), else described. */
function describeTag(tag: string): string {
  const t = tag.replace("tag:yaml.org,2002:", "!!");
  return /^!{0,2}[a-z]{1,12}(?:\/[a-z]{1,12})?$/i.test(t) ? t : `(${describeValue(t)})`;
}

/** A short word quoted as is; anything longer described ("a 40-character value…"). */
function shown(text: string): string {
  const d = describeValue(text);
  return d.startsWith('"') ? d : `(${d})`;
}

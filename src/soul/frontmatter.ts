// Front matter: YAML or JSON only. Parsing never executes anything: the block is split out here
// (gray-matter's rules, without loading gray-matter and js-yaml: they were a quarter of the CLI's
// start-up), any language but YAML or JSON is refused, YAML uses the core schema (no custom tags,
// no Date objects) and aliases are bounded.
import { describeValue } from "../untrusted/describe.js";
import { parseJsonStrict } from "../untrusted/json.js";
import { MAX_YAML_ALIASES, parseYamlStrict } from "../untrusted/yaml.js";
import { parseFlatYaml } from "../untrusted/yaml-flat.js";

export { MAX_YAML_ALIASES };

export interface FrontMatterProblem {
  line: number;
  column: number;
  code: "E_FRONTMATTER_LANG" | "E_FRONTMATTER_SYNTAX" | "E_FRONTMATTER_TYPE" | "E_FRONTMATTER_MISSING";
  message: string;
}

export interface ParsedFrontMatter {
  /** The parsed mapping, or undefined when there was none or it was invalid. */
  data: Record<string, unknown> | undefined;
  /** The Markdown after the front matter. */
  body: string;
  /** 1-based file line where the body starts. */
  bodyLine: number;
  /** 1-based file line of each top-level key, for error locations. */
  keyLines: Map<string, { line: number; column: number }>;
  problems: FrontMatterProblem[];
}

/**
 * The raw block and the body, split as gray-matter 4.0.3 splits them (parseMatter): after the
 * opening `---` line up to the first "\n---", the body after that delimiter less one line break.
 */
export function splitMatter(text: string): { matter: string; content: string } {
  const str = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!str.startsWith("---") || str.charAt(3) === "-") return { matter: "", content: str };
  const rest = str.slice(3);
  const eol = rest.search(/\r?\n/);
  const afterLang = rest.slice(eol === -1 ? rest.length : eol);
  const close = afterLang.indexOf("\n---");
  if (close === -1) return { matter: afterLang, content: "" };
  let content = afterLang.slice(close + 4);
  if (content[0] === "\r") content = content.slice(1);
  if (content[0] === "\n") content = content.slice(1);
  return { matter: afterLang.slice(0, close), content };
}

const OPENING = /^\uFEFF?---([^\n]*)\n/;

/** Splits and parses the front matter of a Markdown file (pure). */
export function parseFrontMatter(text: string, required = true): ParsedFrontMatter {
  const result: ParsedFrontMatter = { data: undefined, body: text, bodyLine: 1, keyLines: new Map(), problems: [] };
  const open = OPENING.exec(text.replace(/\r\n/g, "\n"));
  if (!open) {
    if (required) {
      result.problems.push({ line: 1, column: 1, code: "E_FRONTMATTER_MISSING", message: "front matter (--- … ---) is required" });
    }
    return result;
  }
  const lang = (open[1] ?? "").trim().toLowerCase();
  if (lang !== "" && lang !== "yaml" && lang !== "yml" && lang !== "json") {
    result.problems.push({
      line: 1,
      column: 4,
      code: "E_FRONTMATTER_LANG",
      // Described, not quoted: the opening line is input and may carry anything, a secret included.
      message: `front matter language (${describeValue(lang)}) is not allowed (YAML or JSON only)`,
    });
    return result;
  }
  const normalized = text.replace(/\r\n/g, "\n").replace(/^---[^\n]*\n/, lang === "json" ? "---json\n" : "---\n");
  const file = splitMatter(normalized);
  result.body = file.content;
  const matterLines = file.matter.split("\n").length;
  result.bodyLine = matterLines + 2;
  if (!normalized.slice(4 + (lang === "json" ? 4 : 0)).includes("\n---")) {
    result.problems.push({ line: 1, column: 1, code: "E_FRONTMATTER_SYNTAX", message: "front matter is not closed by ---" });
    return result;
  }
  parseMatter(file.matter, lang === "json", result);
  return result;
}

/** Parses the raw front matter; its line 1 is the rest of the opening `---` line. */
function parseMatter(raw: string, json: boolean, result: ParsedFrontMatter): void {
  if (json) {
    const parsed = parseJsonStrict(raw.trim() === "" ? "null" : raw);
    if (!parsed.ok) {
      result.problems.push({ line: parsed.line + 1, column: parsed.column, code: "E_FRONTMATTER_SYNTAX", message: parsed.message });
      return;
    }
  }
  // Most front matter is flat `key: value` lines; those skip the full parser (same values).
  const flat = json ? undefined : parseFlatYaml(raw);
  if (flat) {
    result.data = flat.value;
    result.keyLines = flat.keyLines;
    return;
  }
  const { value, issues, doc, lineCounter } = parseYamlStrict(raw, MAX_YAML_ALIASES);
  for (const issue of issues) {
    result.problems.push({ line: issue.line, column: issue.column, code: "E_FRONTMATTER_SYNTAX", message: issue.message });
  }
  if (issues.length > 0) return;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    result.problems.push({ line: 2, column: 1, code: "E_FRONTMATTER_TYPE", message: "front matter must be a mapping of keys to values" });
    return;
  }
  const contents = doc.contents as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> } | null;
  for (const item of contents?.items ?? []) {
    const key = item.key;
    if (key?.range && typeof key.value === "string") {
      const pos = lineCounter.linePos(key.range[0]);
      result.keyLines.set(key.value, { line: pos.line, column: pos.col });
    }
  }
  result.data = value as Record<string, unknown>;
}

// The one JSON parser for untrusted text (manifest.json, JSON front matter): nesting bounded,
// objects without prototypes, and an error message that never quotes the input (V8's own
// messages quote a stretch of it, which may be a secret).
import { parseDocument } from "yaml";
import { MAX_YAML_DEPTH, tooDeepAt, withoutPrototypes } from "./yaml.js";

export type ParsedJson = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

/** Line and column (1-based) of an offset in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}

/** V8's message without the quoted input, and the position it names (line/column or offset). */
function describeJsonError(text: string, message: string): { line: number; column: number; message: string } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  const p = /position (\d+)/.exec(message);
  const at = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : p ? positionOf(text, Number(p[1])) : yamlPosition(text);
  const clean = message
    .replace(/, ".*" is not valid JSON$/s, "")
    .replace(/ in JSON at position \d+.*$/s, "")
    .replace(/ \(line \d+ column \d+\)$/, "");
  return { ...at, message: `invalid JSON: ${clean.slice(0, 120)}` };
}

/** Where the YAML parser (JSON is YAML 1.2) first stumbles, for V8 messages that name no position. */
function yamlPosition(text: string): { line: number; column: number } {
  const first = parseDocument(text, { schema: "core" }).errors[0];
  return first ? positionOf(text, first.pos[0]) : { line: 1, column: 1 };
}

export function parseJsonStrict(text: string): ParsedJson {
  const deep = tooDeepAt(text);
  if (deep !== undefined) return { ok: false, ...positionOf(text, deep), message: `invalid JSON: nested deeper than ${MAX_YAML_DEPTH} levels` };
  try {
    return { ok: true, value: withoutPrototypes(JSON.parse(text)) };
  } catch (e) {
    return { ok: false, ...describeJsonError(text, (e as Error).message) };
  }
}

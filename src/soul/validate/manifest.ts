// manifest.json: strict JSON, no duplicate keys, the Layered Soul v1 schema.
import { type Document, LineCounter, parseDocument } from "yaml";
import { errorAt, type Problem } from "../../core/problem.js";
import { type Manifest, manifestSchema } from "../schema/manifest.js";
import { locatorOf } from "./locate.js";
import { checkSchema } from "./schema-check.js";

const FILE = "manifest.json";

/** Line and column of a JSON.parse error, from V8's "position N" or "line L column C". */
function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const p = /position (\d+)/.exec(message);
  if (!p) return { line: 1, column: 1 };
  const lines = text.slice(0, Number(p[1])).split("\n");
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Keys that appear twice in one object: JSON.parse would silently keep the last one. */
function duplicateKeys(doc: Document.Parsed, lineCounter: LineCounter): Problem[] {
  return doc.errors
    .filter((e) => e.code === "DUPLICATE_KEY")
    .map((e) => {
      const p = lineCounter.linePos(e.pos[0]);
      return errorAt(FILE, "E_MANIFEST_JSON", "duplicate key in an object", p.line, p.col);
    });
}

export function checkManifest(text: string): { manifest: Manifest | undefined; problems: Problem[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const at = jsonErrorPosition(text, (e as Error).message);
    const problem = errorAt(FILE, "E_MANIFEST_JSON", `invalid JSON: ${(e as Error).message}`, at.line, at.column);
    return { manifest: undefined, problems: [problem] };
  }
  // One parse (JSON is YAML 1.2) finds duplicate keys and locates schema problems.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const dups = duplicateKeys(doc, lineCounter);
  const { data, problems } = checkSchema(manifestSchema, value, FILE, locatorOf(doc, lineCounter), "E_MANIFEST_SCHEMA");
  return { manifest: dups.length === 0 ? data : undefined, problems: [...dups, ...problems] };
}

// manifest.json: strict JSON, no duplicate keys, the Layered Soul v1 schema.
import { type Document, LineCounter, parseDocument } from "yaml";
import { errorAt, type Problem } from "../../core/problem.js";
import { parseJsonStrict } from "../../untrusted/json.js";
import { type Manifest, manifestSchema } from "../schema/manifest.js";
import { locatorOf } from "./locate.js";
import { checkSchema } from "./schema-check.js";

const FILE = "manifest.json";

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
  const json = parseJsonStrict(text);
  if (!json.ok) return { manifest: undefined, problems: [errorAt(FILE, "E_MANIFEST_JSON", json.message, json.line, json.column)] };
  const value = json.value;
  // One parse (JSON is YAML 1.2) finds duplicate keys and locates schema problems.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const dups = duplicateKeys(doc, lineCounter);
  const { data, problems } = checkSchema(manifestSchema, value, FILE, locatorOf(doc, lineCounter), "E_MANIFEST_SCHEMA");
  return { manifest: dups.length === 0 ? data : undefined, problems: [...dups, ...problems] };
}

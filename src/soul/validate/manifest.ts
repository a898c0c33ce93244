// manifest.json: strict JSON, no duplicate keys, the Layered Soul v1 schema.
import { type Document, LineCounter, parseDocument } from "yaml";
import { errorAt, type Problem } from "../../core/problem.js";
import { parseJsonStrict } from "../../untrusted/json.js";
import { type Manifest, manifestSchema } from "../schema/manifest.js";
import { createLocator, locatorOf } from "./locate.js";
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

/**
 * True when an object in `text` (JSON that parsed) names a key twice, keys compared as decoded
 * strings, as the YAML parser compares them. Much cheaper than that parse, which then runs only
 * when there is a duplicate to locate.
 */
export function hasDuplicateKeys(text: string): boolean {
  const open: Array<Set<string> | null> = []; // per open bracket: an object's keys so far, or null for a list
  let keyNext = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let end = i + 1;
      while (text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1;
      const keys = open[open.length - 1];
      if (keyNext && keys) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (keys.has(key)) return true;
        keys.add(key);
        keyNext = false;
      }
      i = end;
    } else if (c === 0x7b) {
      open.push(new Set());
      keyNext = true;
    } else if (c === 0x5b) {
      open.push(null);
    } else if (c === 0x7d || c === 0x5d) {
      open.pop();
    } else if (c === 0x2c) {
      keyNext = open[open.length - 1] != null;
    }
  }
  return false;
}

export function checkManifest(text: string): { manifest: Manifest | undefined; problems: Problem[] } {
  const json = parseJsonStrict(text);
  if (!json.ok) return { manifest: undefined, problems: [errorAt(FILE, "E_MANIFEST_JSON", json.message, json.line, json.column)] };
  const value = json.value;
  if (!hasDuplicateKeys(text)) {
    // The text is parsed for positions only when a schema problem needs one.
    const { data, problems } = checkSchema(manifestSchema, value, FILE, createLocator(text), "E_MANIFEST_SCHEMA");
    return { manifest: data, problems };
  }
  // One parse (JSON is YAML 1.2) finds duplicate keys and locates schema problems.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const dups = duplicateKeys(doc, lineCounter);
  const { data, problems } = checkSchema(manifestSchema, value, FILE, locatorOf(doc, lineCounter), "E_MANIFEST_SCHEMA");
  return { manifest: dups.length === 0 ? data : undefined, problems: [...dups, ...problems] };
}

// Composition: core Markdown joined into per-harness documents, then adapters/<harness>.md
// appended to (mode: append, the default) or put in place of (mode: replace) one document.
import { errorAt, type Problem, warningAt } from "../core/problem.js";
import type { Soul } from "../soul/model.js";
import type { HarnessName } from "../soul/schema/names.js";

/** A Markdown document before its provenance line: a name inside the harness, its sources and text. */
export interface Doc {
  /** Relative to the harness's own directory, e.g. `AGENTS.md` or `memories/USER.md`. */
  name: string;
  sources: string[];
  body: string;
}

export interface Part {
  source: string;
  text: string | undefined;
}

/** Joins non-empty parts with one blank line; ends with a single newline ("" when all are empty). */
export function joinParts(parts: readonly Part[]): { body: string; sources: string[] } {
  const kept = parts.filter((p) => p.text !== undefined && p.text.trim() !== "");
  const body = kept.map((p) => p.text!.replace(/\r\n/g, "\n").trim()).join("\n\n");
  return { body: body === "" ? "" : `${body}\n`, sources: kept.map((p) => p.source) };
}

/** A document from parts, or undefined when every part is empty. */
export function docFrom(name: string, parts: readonly Part[]): Doc | undefined {
  const { body, sources } = joinParts(parts);
  return body === "" ? undefined : { name, sources, body };
}

const ADAPTER_KEYS = new Set(["mode", "file", "description", "notes"]);

/**
 * Applies adapters/<harness>.md to `docs`. `files` are the document names the adapter may
 * target with `file:`; `primary` is the default. Invalid front matter is an error naming the file.
 */
export function applyAdapter(
  soul: Soul,
  harness: HarnessName,
  docs: Doc[],
  files: readonly string[],
  primary: string,
): { docs: Doc[]; problems: Problem[] } {
  const adapter = soul.adapters[harness];
  if (!adapter) return { docs, problems: [] };
  const problems: Problem[] = [];
  const fm = adapter.frontMatter;
  for (const key of Object.keys(fm).sort()) {
    if (!ADAPTER_KEYS.has(key)) problems.push(warningAt(adapter.path, "W_ADAPTER_KEY", `unknown front matter key "${key}" (known: mode, file)`));
  }
  const mode = fm.mode ?? "append";
  if (mode !== "append" && mode !== "replace") {
    problems.push(errorAt(adapter.path, "E_ADAPTER_MODE", `mode must be "append" or "replace", not ${JSON.stringify(mode)}`));
  }
  const file = fm.file ?? primary;
  if (typeof file !== "string" || !files.includes(file)) {
    problems.push(errorAt(adapter.path, "E_ADAPTER_FILE", `file must be one of ${files.join(", ")} for ${harness}, not ${JSON.stringify(file)}`));
  }
  if (problems.some((p) => p.severity === "error")) return { docs, problems };
  const text = adapter.body.replace(/\r\n/g, "\n").trim();
  const out = docs.map((d) => ({ ...d, sources: [...d.sources] }));
  const target = out.find((d) => d.name === file);
  if (mode === "replace") {
    const replaced = { name: file as string, sources: [adapter.path], body: text === "" ? "" : `${text}\n` };
    const rest = out.filter((d) => d.name !== file);
    return { docs: replaced.body === "" ? rest : [...rest, replaced].sort(byName(files)), problems };
  }
  if (text === "") return { docs: out, problems };
  if (target) {
    target.body = `${target.body.trimEnd()}\n\n${text}\n`;
    target.sources.push(adapter.path);
    return { docs: out, problems };
  }
  return { docs: [...out, { name: file as string, sources: [adapter.path], body: `${text}\n` }].sort(byName(files)), problems };
}

/** Keeps documents in the harness's declared file order. */
function byName(files: readonly string[]) {
  return (a: Doc, b: Doc) => files.indexOf(a.name) - files.indexOf(b.name);
}

// The provenance line every rendered Markdown file starts with. Plain text on purpose: no HTML
// comment (Hermes flags comments holding words like "system" or "hidden"), no imperative aimed
// at the model, and no "edit/modify/write ... AGENTS.md" phrasing, which Hermes' memory scanner
// reads as an attempt to change agent config. test/harness/provenance.test.ts checks the wording
// against those patterns.
import type { RenderOrigin } from "./types.js";

/** The line, without a trailing newline. */
export function provenanceLine(origin: RenderOrigin, sources: readonly string[]): string {
  const from = sources.length > 0 ? sources.join(", ") : "manifest.json";
  return `Provenance: rendered by soulsync from ${origin.repo} at ${origin.revision}, source ${from}. The next soulsync render replaces this file.`;
}

/** Prefixes a Markdown body with the provenance line and a blank line. */
export function withProvenance(origin: RenderOrigin, sources: readonly string[], body: string): string {
  return `${provenanceLine(origin, sources)}\n\n${body}`;
}

/** Inserts the provenance line after a SKILL.md's front matter (front matter must stay on line 1). */
export function skillWithProvenance(origin: RenderOrigin, source: string, raw: string): string {
  const text = raw.replace(/\r\n/g, "\n");
  const m = /^\uFEFF?---[^\n]*\n[\s\S]*?\n---[ \t]*(?:\n|$)/.exec(text);
  const line = provenanceLine(origin, [source]);
  if (!m) return `${line}\n\n${text}`;
  const head = m[0].endsWith("\n") ? m[0] : `${m[0]}\n`;
  const rest = text.slice(m[0].length).replace(/^\n+/, "");
  return `${head}\n${line}\n${rest === "" ? "" : `\n${rest}`}`;
}

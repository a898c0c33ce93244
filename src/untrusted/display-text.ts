// Text that people read (display names): one line, no control characters, no bidirectional
// controls that reorder what is shown (Trojan Source, CVE-2021-42574), no invisible characters.

/**
 * C0/C1 controls, format characters (bidi embeddings/overrides/isolates, zero-width space and
 * joiners, soft hyphen, word joiner, BOM…), line/paragraph separators, unassigned and private-use
 * code points, lone surrogates, variation selectors and the Hangul fillers that render as nothing.
 */
// Built from a string: the fillers and selectors are "misleading" inside a literal class.
const HIDDEN = new RegExp("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\p{Cs}\\p{Zl}\\p{Zp}\\u115f\\u1160\\u3164\\uffa0\\ufe00-\\ufe0f\\u{e0100}-\\u{e01ef}]", "u");

/** Why `text` is not safe to show, naming the first offending code point, or undefined. */
export function displayTextProblem(text: string): string | undefined {
  const m = HIDDEN.exec(text);
  if (!m) return undefined;
  const cp = m[0].codePointAt(0) ?? 0;
  const at = [...text.slice(0, m.index)].length + 1;
  return `has an invisible, control or bidirectional character U+${cp.toString(16).toUpperCase().padStart(4, "0")} at character ${at}`;
}

/** Why a URL or path from input is unsafe as an argument, or undefined (control and bidi characters, a leading -). */
export function locationProblem(text: string): string | undefined {
  if (text.startsWith("-")) return "starts with - (it would read as an option)";
  const m = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.exec(text);
  if (m) return `has a control or invisible character U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  return undefined;
}

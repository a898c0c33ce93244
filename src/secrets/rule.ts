// What a detection rule is: an id and a pure function from text to hits.
// Rules never see file names or the clock; the scanner adds lines, fingerprints and previews.

/** One match of a rule: where the secret starts in the text, and the secret itself. */
export interface Hit {
  /** Offset of the secret (UTF-16 index into the scanned text). */
  index: number;
  secret: string;
  /** Overrides the rule's id, for rules that report several kinds (e.g. connection strings). */
  rule?: string;
  /** Overrides the rule's priority (with `rule`). */
  priority?: number;
  /** Redacted preview; the scanner builds one when absent. */
  preview?: string;
}

export interface Rule {
  /** Stable id, e.g. "github-pat"; printed in findings and part of the fingerprint. */
  id: string;
  /** Higher wins when two rules report overlapping text (provider > url > assignment > generic). */
  priority: number;
  /** The regular expressions the rule runs over the whole text (checked for linear shape in tests). */
  patterns?: readonly RegExp[];
  /**
   * Literal strings that every hit contains. The scanner finds all rules' anchors in one pass and
   * skips a rule whose anchors are absent; with `at`, it calls the rule only where one occurs.
   */
  anchors?: readonly string[];
  /** Matches at an anchor's offset (the anchor starts the token); used instead of `scan` when present. */
  at?(text: string, index: number): Hit | undefined;
  /** Words (lower case, ASCII, ≥ 3 letters) found case-insensitively for `scanAt`. */
  keywords?: readonly string[];
  /** Hits given the offsets where a keyword ends, in text order; used instead of `scan` when present. */
  scanAt?(text: string, keywordEnds: readonly number[]): Iterable<Hit>;
  /** Finds every hit in `text`; must run in time linear in the text's length. */
  scan(text: string): Iterable<Hit>;
}

export const PRIORITY = { provider: 40, url: 30, assignment: 20, generic: 10 } as const;

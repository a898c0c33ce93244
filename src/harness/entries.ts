// Hermes' memories/USER.md is also Hermes' own user-profile store: its memory tool appends
// entries there. soulsync owns the entries it rendered (their hashes are in the manifest); the
// entries Hermes added since are kept after them on a re-render instead of counting as a conflict.
import { codePoints, HARNESS_BUDGETS } from "./budget.js";
import { sha256 } from "./hash.js";

export const ENTRY_DELIMITER = "\n§\n";

/** Entries as Hermes reads them: split on the delimiter, trimmed, empty ones dropped. */
export function parseEntries(text: string): string[] {
  return text
    .split(ENTRY_DELIMITER)
    .map((e) => e.trim())
    .filter((e) => e !== "");
}

/** The file text for `entries`, byte for byte as Hermes' memory tool writes it (no final newline). */
export const joinEntries = (entries: readonly string[]): string => entries.join(ENTRY_DELIMITER);

/** Entries on disk that soulsync neither rendered before (`ownHashes`) nor renders now (`ours`). */
export function addedEntries(onDisk: string, ours: readonly string[], ownHashes: readonly string[]): string[] {
  const mine = new Set(ownHashes);
  return parseEntries(onDisk).filter((e, i, all) => !mine.has(sha256(e)) && !ours.includes(e) && all.indexOf(e) === i);
}

/** Characters Hermes counts for `entries` and whether that fits its user profile cap. */
export function entriesSize(entries: readonly string[]): { chars: number; fits: boolean } {
  const chars = codePoints(entries.join(ENTRY_DELIMITER));
  return { chars, fits: chars <= HARNESS_BUDGETS.hermesUserChars };
}

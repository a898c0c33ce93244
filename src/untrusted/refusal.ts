// What a refused read becomes: a located problem (validators) or an error (one-file readers).
// A file that is there but is the wrong kind of thing is bad input (exit 1); one that is absent
// or unreadable is the environment's (exit 2).
import { environmentError, inputError, type SoulsyncError } from "../core/errors.js";
import { errorAt, type Problem } from "../core/problem.js";
import type { ReadRefusal, ReadResult } from "./read-file.js";

const CODES: Record<ReadRefusal, string> = {
  missing: "E_FILE_MISSING",
  unreadable: "E_FILE_UNREADABLE",
  "not-regular": "E_SPECIAL_FILE",
  "symlink-escape": "E_SYMLINK_ESCAPE",
  "too-large": "E_FILE_TOO_LARGE",
};

export const refusalCode = (reason: ReadRefusal): string => CODES[reason];

/** `file` is the name to show (relative to the repo). */
export function refusalProblem(file: string, r: Extract<ReadResult, { ok: false }>): Problem {
  return errorAt(file, CODES[r.reason], `${file} ${r.message}`);
}

/** `code` is the caller's code for an absent or unreadable file (E_HOST_READ, E_CONFIG_READ…). */
export function refusalError(file: string, r: Extract<ReadResult, { ok: false }>, code: string): SoulsyncError {
  if (r.reason === "missing" || r.reason === "unreadable") return environmentError(code, `cannot read ${file}: ${r.message.replace(/^cannot read: /, "")}`, { path: file });
  return inputError(CODES[r.reason], `${file} ${r.message}`, { path: file, reason: r.reason });
}

// A problem found in untrusted input: where it is, which rule, and what is wrong.
// Validators return lists of these (all problems in one pass) instead of throwing.

export type Severity = "error" | "warning";

export interface Problem {
  /** Path relative to the checked root, with forward slashes. */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  /** Stable code, e.g. E_MANIFEST_SCHEMA or W_BUDGET_CODEX. */
  code: string;
  message: string;
  severity: Severity;
}

export function problem(
  severity: Severity,
  file: string,
  code: string,
  message: string,
  line = 0,
  column = 0,
): Problem {
  return { file, line, column, code, message, severity };
}

export const errorAt = (file: string, code: string, message: string, line = 0, column = 0) =>
  problem("error", file, code, message, line, column);

export const warningAt = (file: string, code: string, message: string, line = 0, column = 0) =>
  problem("warning", file, code, message, line, column);

/** Stable order: file, line, column, code. */
export function sortProblems(list: Problem[]): Problem[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.code.localeCompare(b.code),
  );
}

export interface ProblemReport {
  ok: boolean;
  errors: Problem[];
  warnings: Problem[];
}

/** Splits a list into the `{ok, errors, warnings}` report that `--json` prints. */
export function toReport(list: Problem[]): ProblemReport {
  const sorted = sortProblems(list);
  const errors = sorted.filter((p) => p.severity === "error");
  const warnings = sorted.filter((p) => p.severity === "warning");
  return { ok: errors.length === 0, errors, warnings };
}

// One error type for the whole program: a stable code, how to handle it, and the data to act on.
// Only src/cli/ turns these into exit statuses and messages.

/** How the caller should handle an error (Flux-style: needs a human, retry later, or a usage slip). */
export type ErrorKind =
  | "input" // the input is bad (repo, config, front matter): a human must fix it; exit 1
  | "usage" // the command line is wrong; exit 2
  | "environment" // the host is not as required (missing tool, unreadable path); exit 2
  | "transient" // may succeed later (origin down, database down): retry with backoff; exit 2
  | "internal"; // a bug; exit 2

export interface SoulsyncErrorOptions {
  kind?: ErrorKind;
  data?: Record<string, unknown>;
  cause?: unknown;
}

export class SoulsyncError extends Error {
  override readonly name = "SoulsyncError";
  readonly code: string;
  readonly kind: ErrorKind;
  readonly data: Record<string, unknown>;

  constructor(code: string, message: string, options: SoulsyncErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.kind = options.kind ?? "input";
    this.data = options.data ?? {};
  }

  /** True when trying again later may succeed. */
  get retryable(): boolean {
    return this.kind === "transient";
  }
}

export function isSoulsyncError(e: unknown): e is SoulsyncError {
  return e instanceof SoulsyncError;
}

/** Shorthands for the common kinds. */
export const inputError = (code: string, message: string, data?: Record<string, unknown>) =>
  new SoulsyncError(code, message, { kind: "input", data });
export const usageError = (code: string, message: string, data?: Record<string, unknown>) =>
  new SoulsyncError(code, message, { kind: "usage", data });
export const environmentError = (
  code: string,
  message: string,
  data?: Record<string, unknown>,
  cause?: unknown,
) => new SoulsyncError(code, message, { kind: "environment", data, cause });
export const transientError = (
  code: string,
  message: string,
  data?: Record<string, unknown>,
  cause?: unknown,
) => new SoulsyncError(code, message, { kind: "transient", data, cause });

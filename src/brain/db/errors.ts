// Turns driver errors into SoulsyncErrors that say how to handle them: a server that is down
// or restarting is transient (retry with backoff); bad credentials or a missing database need
// a human. Messages are redacted and never carry query parameters (memory bodies).
import { SoulsyncError, environmentError, transientError } from "../../core/errors.js";
import { redactUrls } from "../../core/redact.js";

const TRANSIENT_NET = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/** SQLSTATEs worth retrying: connection exceptions, shutdown, too many connections, serialization, deadlock, lock timeout. */
function transientSqlState(code: string): boolean {
  return (
    code.startsWith("08") ||
    code === "57P01" ||
    code === "57P02" ||
    code === "57P03" ||
    code === "53300" ||
    code === "40001" ||
    code === "40P01" ||
    code === "55P03"
  );
}

/** Maps any error thrown by pg or PGlite to a SoulsyncError (already-mapped errors pass through). */
export function mapDbError(raw: unknown, where: string): SoulsyncError {
  if (raw instanceof SoulsyncError) return raw;
  const err = raw as { code?: unknown; message?: unknown };
  const code = typeof err.code === "string" ? err.code : "";
  const message = redactUrls(typeof err.message === "string" ? err.message : String(raw));
  // The driver's error may carry the query's parameters (PGlite does): memory bodies must not
  // reach a log through `cause`, so only its code and message are kept.
  const e = { code, message };
  if (TRANSIENT_NET.has(code) || transientSqlState(code) || /Connection terminated|connection timeout/i.test(message)) {
    return transientError("E_DB_UNAVAILABLE", `${where}: database unavailable (${code || "connection"}): ${message}`, { sqlstate: code }, e);
  }
  if (code === "28P01" || code === "28000" || code === "42501") {
    return environmentError("E_DB_ACCESS", `${where}: access denied: ${message}`, { sqlstate: code }, e);
  }
  if (code === "3D000") {
    return environmentError("E_DB_MISSING", `${where}: ${message}`, { sqlstate: code }, e);
  }
  if (code === "ENOTFOUND") {
    return environmentError("E_DB_HOST", `${where}: unknown database host: ${message}`, { code }, e);
  }
  return new SoulsyncError("E_PG", `${where}: ${message}`, { kind: "internal", data: { sqlstate: code }, cause: e });
}

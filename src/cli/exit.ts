// The only place that chooses exit statuses (DESIGN §10):
// 0 success; 1 bad input, a secret, or stale output; 2 usage or environment error.
import { isSoulsyncError } from "../core/errors.js";
import { redactUrls } from "../core/redact.js";
import type { Output } from "./output.js";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Maps a thrown value to an exit status, printing a one-line message (a stack only with SOULSYNC_DEBUG=1). */
export function reportError(o: Output, e: unknown, json: boolean): number {
  const debug = process.env.SOULSYNC_DEBUG === "1";
  if (isSoulsyncError(e)) {
    const status = e.kind === "input" ? EXIT_FAILED : EXIT_USAGE;
    if (json) {
      o.json({ ok: false, error: { code: e.code, message: redactUrls(e.message), kind: e.kind } });
    } else {
      o.err(`${o.colors.red("error")} ${e.code}: ${redactUrls(e.message)}`);
    }
    if (debug && e.stack) o.err(redactUrls(e.stack));
    return status;
  }
  const message = e instanceof Error ? e.message : String(e);
  if (json) o.json({ ok: false, error: { code: "E_INTERNAL", message: redactUrls(message), kind: "internal" } });
  else o.err(`${o.colors.red("error")} E_INTERNAL: ${redactUrls(message)}`);
  if (debug && e instanceof Error && e.stack) o.err(redactUrls(e.stack));
  else if (!json) o.err("(set SOULSYNC_DEBUG=1 for a stack trace)");
  return EXIT_USAGE;
}

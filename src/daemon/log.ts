// The daemon's logger: pino JSON lines for machines, short human lines on a terminal.
// Every line carries `event`; credentials in URLs and secret-looking fields never reach it.
import { type Logger, type LoggerOptions, pino } from "pino";
import { redactUrls } from "../core/redact.js";
import { humanStream } from "./log-human.js";

export type { Logger } from "pino";

/** Field names whose values are secrets wherever they appear (top level and two levels down). */
const SECRET_FIELDS = ["key", "token", "password", "secret", "signature", "authorization", "cookie"];
const REDACT_PATHS = SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]).concat(
  ["x-hub-signature-256", "x-hub-signature", "x-gitea-signature", "x-forgejo-signature", "x-soulsync-signature"].flatMap(
    (h) => [`headers["${h}"]`, `*.headers["${h}"]`],
  ),
);

export interface LoggerSetup {
  /** Where lines go (default stdout). */
  stream?: NodeJS.WritableStream;
  /** JSON lines (default: when the stream is not a TTY). */
  json?: boolean;
  level?: string;
}

export function createLogger(o: LoggerSetup = {}): Logger {
  const stream = o.stream ?? process.stdout;
  const json = o.json ?? !(stream as { isTTY?: boolean }).isTTY;
  const options: LoggerOptions = {
    level: o.level ?? "info",
    base: undefined,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    // A line without an event of its own is a plain "log" line; the call's own event wins.
    mixin: () => ({ event: "log" }),
    // The last door before the stream: whatever a message, an error's stack or a field carries.
    hooks: { streamWrite: (line: string) => redactUrls(line) },
  };
  return pino(options, json ? stream : humanStream(stream));
}

// The messages between the daemon and its embedded-database process (pglite-host.ts).
import type { ErrorKind } from "../../core/errors.js";

export type HostRequest =
  | { id: number; op: "open"; dir: string; lockWaitMs?: number }
  | { id: number; op: "query"; db: number; tx?: number; sql: string; params?: unknown[] }
  | { id: number; op: "begin"; db: number }
  | { id: number; op: "end"; tx: number; commit: boolean }
  | { id: number; op: "close"; db: number };

/** A SoulsyncError as data: the channel carries no classes. */
export interface WireError {
  code: string;
  message: string;
  kind: ErrorKind;
  data: Record<string, unknown>;
}

export type HostReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

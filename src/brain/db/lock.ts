// Advisory locks through the one door: transaction-scoped, so a crashed holder releases them
// with its session. Two int4 keys: a namespace for what is locked, and hashtext of a name.
import { SoulsyncError, transientError } from "../../core/errors.js";
import type { Queryable } from "./types.js";

/** Namespaces (the first key) of soulsync's advisory locks. */
export const LOCK = { migrate: 0x50554c31, import: 0x50554c32 } as const;

/** Waits for the lock up to `timeoutMs` (forever when undefined); a timeout is a transient E_LOCKED-style error built by `onTimeout`. */
export async function advisoryXactLock(tx: Queryable, space: number, name: string, timeoutMs?: number, onTimeout?: () => SoulsyncError): Promise<void> {
  if (timeoutMs === undefined) {
    await tx.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [space, name]);
    return;
  }
  await tx.query(`SET LOCAL lock_timeout = '${Math.max(1, Math.floor(timeoutMs))}ms'`);
  try {
    await tx.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [space, name]);
  } catch (e) {
    if (e instanceof SoulsyncError && e.data.sqlstate === "55P03") {
      throw onTimeout?.() ?? transientError("E_LOCKED", `lock ${name} is held by another process`, { name });
    }
    throw e;
  }
  await tx.query("SET LOCAL lock_timeout = 0");
}

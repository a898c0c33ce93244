// Runs one function inside a transaction on each distinct database of a list. On PGlite the
// brain, skills and ops handles are one database, so this is exactly one transaction; on a
// real server they are three, committed innermost first — list ops first so the record that
// the revision was applied commits last, after the data it vouches for.
import type { Db, Queryable } from "../db/types.js";

/** `fn` receives one transaction per entry of `dbs` (shared where two entries are one database). */
export async function inTransactions<T>(dbs: Db[], fn: (txs: Queryable[]) => Promise<T>): Promise<T> {
  const distinct = [...new Map(dbs.map((d) => [d.key, d])).values()];
  const byKey = new Map<string, Queryable>();
  const step = async (i: number): Promise<T> => {
    const db = distinct[i];
    if (!db) return fn(dbs.map((d) => byKey.get(d.key)!));
    return db.transaction(async (tx) => {
      byKey.set(db.key, tx);
      return step(i + 1);
    });
  };
  return step(0);
}

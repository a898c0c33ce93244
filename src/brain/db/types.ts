// The one door to PostgreSQL: a small interface with two implementations, a real server
// through `pg` and the embedded PGlite. Everything else in soulsync talks to this.

export interface QueryResult<R> {
  rows: R[];
  /** Rows inserted, updated or deleted by the statement (0 for a SELECT). */
  rowCount: number;
}

/** Something that runs one parameterised statement: a database or a transaction. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
}

export interface Db extends Queryable {
  readonly kind: "pg" | "pglite";
  /** Names the physical database, so callers can tell when two handles share one (PGlite). */
  readonly key: string;
  /** Runs `fn` in one transaction on one session; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes the connection(s); the handle is unusable afterwards. */
  close(): Promise<void>;
}

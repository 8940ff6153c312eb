/**
 * The hub's operational store (DESIGN.md §1): PostgreSQL dialect, PGlite under the data dir by
 * default, PostgreSQL when a URL is given. Services depend on this interface only, so the same code
 * and the same contract suite run on both drivers.
 */

/** A connection (or a transaction) that runs SQL with `$1`-style parameters. */
export interface Queryable {
  /** Rows of a query as plain objects. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters (DDL, migrations). */
  exec(sql: string): Promise<void>;
  /**
   * True inside a transaction nothing else can interleave with (embedded PGlite runs one at a time),
   * so locks that only serialise concurrent transactions can be skipped.
   */
  readonly exclusive?: boolean;
  /**
   * The same object for a store and each of its transactions, so a caller can keep what it knows of
   * an exclusive store (e.g. the audit chain's head) across transactions.
   */
  readonly store?: object;
}

/** The store: queries, transactions, and the driver's name for /health. */
export interface Db extends Queryable {
  readonly driver: 'pglite' | 'postgres';
  /**
   * Set by drivers of a store no other process can use while this one has it open (embedded PGlite):
   * when this process opened it (ms since the epoch). What this process remembers since then is all
   * that happened to the store since then, so such memory can stand in for a table (replay nonces).
   */
  readonly exclusiveSince?: number;
  /** Runs `fn` in a transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Cheap liveness check for /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

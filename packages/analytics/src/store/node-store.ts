import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '@openehds/core';
import { bookkeepingDdl, omopDdl } from '../omop/ddl';

/**
 * The node's analytical store: one DuckDB file under the node's data dir (DESIGN.md §1).
 * Opening creates the schema if it is missing; importing this module opens nothing.
 */
export interface NodeStore {
  readonly path: string;
  readonly connection: DuckDBConnection;
  /** Runs SQL and returns rows as plain objects (BIGINTs as numbers where they fit). */
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs SQL for its effect. */
  run(sql: string, params?: unknown[]): Promise<void>;
  /** Runs `fn` in one transaction: all of it commits, or none of it (rolled back on throw). */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Runs `fn` on a DuckDB connection of its own, opened for the call and closed after (`reader` is a
   * NodeStore bound to it; its `close()` does nothing, its `transaction` is its own). For long reads
   * (the Beacon index build): they neither wait behind nor run inside a transaction of the main
   * connection, and — DuckDB being MVCC with snapshot isolation — see only data committed when each of
   * their statements (or their own transaction) began, never an ingest batch half-written. Temp tables
   * are per connection: those made on `reader` are its own and vanish with it. Refused after `close()`.
   */
  withReader<T>(fn: (reader: NodeStore) => Promise<T>): Promise<T>;
  close(): void;
}

/** Opens (and if needed creates) the node store at `path`; `:memory:` for tests. */
export async function openNodeStore(path: string): Promise<NodeStore> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path);
  } catch (err) {
    // DuckDB allows one writing process per file: say so plainly instead of the driver's lock message.
    if (/Could not set lock/.test((err as Error).message)) {
      throw new AppError(
        'conflict',
        `the node store ${path} is in use by another process (a running node?); stop it first or use its local API`,
      );
    }
    throw err;
  }
  const connection = await instance.connect();
  for (const ddl of [...omopDdl(), ...bookkeepingDdl()]) await connection.run(ddl);

  let closed = false;
  const withReader = async <T>(fn: (reader: NodeStore) => Promise<T>): Promise<T> => {
    if (closed) throw new Error(`the node store ${path} is closed`);
    const own = await instance.connect();
    try {
      return await fn(bind(path, own, withReader, () => undefined));
    } finally {
      own.closeSync();
    }
  };
  return bind(path, connection, withReader, () => {
    closed = true;
    connection.closeSync();
    // Readers still running hold the database open through their connections (DuckDB keeps it
    // alive while a connection lives); they close their connections when they finish.
    instance.closeSync();
  });
}

function bind(
  path: string,
  connection: DuckDBConnection,
  withReader: NodeStore['withReader'],
  close: () => void,
): NodeStore {
  return {
    path,
    connection,
    async all<T>(sql: string, params?: unknown[]): Promise<T[]> {
      const reader = await connection.runAndReadAll(sql, params as never);
      return reader.getRowObjectsJS().map(normaliseRow) as T[];
    },
    async run(sql: string, params?: unknown[]): Promise<void> {
      await connection.run(sql, params as never);
    },
    async transaction(fn) {
      await connection.run('BEGIN TRANSACTION');
      try {
        const result = await fn();
        await connection.run('COMMIT');
        return result;
      } catch (err) {
        await connection.run('ROLLBACK');
        throw err;
      }
    },
    withReader,
    close,
  };
}

// DuckDB returns BIGINT as bigint; counts and ids in this store fit a double, and JSON needs numbers.
function normaliseRow(row: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(row)) {
    if (typeof v === 'bigint') row[k] = Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  }
  return row;
}

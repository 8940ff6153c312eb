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

  const all = async <T>(sql: string, params?: unknown[]): Promise<T[]> => {
    const reader = await connection.runAndReadAll(sql, params as never);
    return reader.getRowObjectsJS().map(normaliseRow) as T[];
  };
  const run = async (sql: string, params?: unknown[]): Promise<void> => {
    await connection.run(sql, params as never);
  };
  return {
    path,
    connection,
    all,
    run,
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
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

// DuckDB returns BIGINT as bigint; counts and ids in this store fit a double, and JSON needs numbers.
function normaliseRow(row: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(row)) {
    if (typeof v === 'bigint') row[k] = Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  }
  return row;
}

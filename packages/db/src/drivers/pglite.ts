import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from '../db';

/** Opens an embedded PGlite store in `dir` (created if missing), or in memory when `dir` is undefined. */
export async function openPglite(dir?: string): Promise<Db> {
  if (dir) mkdirSync(dir, { recursive: true });
  // Taken before opening: a process that had the store before has closed it by now.
  const exclusiveSince = Date.now();
  const pg = dir ? new PGlite(dir) : new PGlite();
  await pg.waitReady;
  // PGlite runs one query at a time; a transaction must not interleave with other callers' queries.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  const direct: Queryable = {
    async query<T>(sql: string, params?: unknown[]) {
      return (await pg.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
  };
  return {
    driver: 'pglite',
    exclusiveSince,
    store: pg,
    query: (sql, params) => serial(() => direct.query(sql, params)),
    exec: (sql) => serial(() => direct.exec(sql)),
    transaction: (fn) =>
      serial(() =>
        pg.transaction(async (tx) =>
          fn({
            exclusive: true,
            store: pg,
            async query<T>(sql: string, params?: unknown[]) {
              return (await tx.query<T>(sql, params)).rows;
            },
            async exec(sql: string) {
              await tx.exec(sql);
            },
          }),
        ),
      ),
    ping: () => serial(async () => void (await pg.query('SELECT 1'))),
    close: () => serial(() => pg.close()),
  };
}

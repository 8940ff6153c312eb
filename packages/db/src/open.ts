import { join } from 'node:path';
import type { Db } from './db';
import { migrate } from './migrate';
import { openPglite } from './drivers/pglite';
import { openPostgres } from './drivers/postgres';

/** Opens the hub store: PostgreSQL when `databaseUrl` is set, else PGlite under `dataDir`; then migrates. */
export async function openDb(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openPglite(options.dataDir ? join(options.dataDir, 'hub-store') : undefined);
  await migrate(db);
  return db;
}

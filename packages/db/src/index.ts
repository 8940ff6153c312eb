export type { Db, Queryable } from './db';
export { openDb } from './open';
export { migrate, listMigrations } from './migrate';
export { openPglite } from './drivers/pglite';
export { openPostgres } from './drivers/postgres';

import { randomBytes } from 'node:crypto';
import { migrate, openPglite, openPostgres, type Db } from '@openehds/db';

/**
 * The stores the audit tests run on (DESIGN.md §5): PGlite always, PostgreSQL too when DATABASE_URL
 * is set. Each PostgreSQL store is a schema of its own, dropped on close, so test files running in
 * parallel (and the store contract suite, which resets `public`) never meet.
 */
export function auditStores(): [string, () => Promise<Db>][] {
  const stores: [string, () => Promise<Db>][] = [['pglite', () => migrated(openPglite())]];
  const url = process.env.DATABASE_URL;
  if (url) stores.push(['postgres', () => postgresSchema(url)]);
  return stores;
}

async function migrated(open: Promise<Db>): Promise<Db> {
  const db = await open;
  await migrate(db);
  return db;
}

async function postgresSchema(url: string): Promise<Db> {
  const schema = `audit_test_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(url);
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openPostgres(scoped.toString());
  await migrate(db);
  return {
    ...db,
    driver: db.driver,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction(fn),
    ping: () => db.ping(),
    async close() {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

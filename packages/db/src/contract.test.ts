import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { openPglite } from './drivers/pglite';
import { openPostgres } from './drivers/postgres';
import { listMigrations, migrate } from './migrate';

/**
 * One contract suite for every driver (DESIGN.md §5): PGlite always, PostgreSQL when DATABASE_URL is
 * set. In CI the PostgreSQL run is required, so a missing DATABASE_URL fails there.
 */
const drivers: [string, () => Promise<Db>][] = [['pglite', () => openPglite()]];
const url = process.env.DATABASE_URL;
if (url) drivers.push(['postgres', () => openPostgres(url)]);
else if (process.env.CI === 'true') {
  it('runs the store contract on PostgreSQL in CI', () => {
    throw new Error('DATABASE_URL is not set: CI must run the store contract suite on PostgreSQL');
  });
} else console.warn('store contract: DATABASE_URL not set, PostgreSQL driver skipped (PGlite only)');

describe.each(drivers)('store contract on %s', (driver, open) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    if (driver === 'postgres') await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  });
  afterAll(async () => db?.close());

  it('applies every numbered migration once', async () => {
    const first = await migrate(db);
    expect(first).toEqual(listMigrations().map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
  });

  it('commits a transaction and rolls back a failed one', async () => {
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO organisation (id, name, kind, country) VALUES (gen_random_uuid(), 'Biobank A', 'data_holder', 'FI')`,
      );
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO organisation (id, name, kind, country) VALUES (gen_random_uuid(), 'Half-written', 'biotech_company', 'ES')`,
        );
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    const rows = await db.query<{ name: string }>('SELECT name FROM organisation ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(['Biobank A']);
  });

  it('round-trips JSONB and returns counts as numbers', async () => {
    await db.query(`INSERT INTO dataset (id, status, description) VALUES ('ds-1', 'DRAFT', $1::jsonb)`, [
      JSON.stringify({ title: { en: 'Diabetes cohort' } }),
    ]);
    const [row] = await db.query<{ description: { title: { en: string } }; n: number }>(
      `SELECT description, (SELECT count(*) FROM dataset) AS n FROM dataset WHERE id = 'ds-1'`,
    );
    expect(row?.description.title.en).toBe('Diabetes cohort');
    expect(row?.n).toBe(1);
  });

  it('rejects a duplicate key with the driver error surfaced', async () => {
    await expect(
      db.query(`INSERT INTO dataset (id, status, description) VALUES ('ds-1', 'DRAFT', '{}')`),
    ).rejects.toThrow(/duplicate key/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleCohortDefinition } from '@openehds/core';
import { openPglite, openPostgres, type Db } from '@openehds/db';
import { CODED_TABLES, codingTable } from '../omop/ddl';
import { openNodeStore, type NodeStore } from '../store/node-store';
import { cohortCases } from './cohort-cases';
import { buildCohortFixture, loadCohortFixture } from './cohort-fixture';
import { compileCohort, compileCohortCount } from './compile';
import { cohortPostgresDdl } from './postgres-schema';

/**
 * The same definitions compiled for PostgreSQL return the same persons there as on DuckDB: on PGlite,
 * or on a real PostgreSQL when DATABASE_URL is set (in a schema of its own, dropped afterwards).
 */
const fixture = buildCohortFixture();
const url = process.env.DATABASE_URL;
const schema = `cohort_parity_${process.pid}`;
let pg: Db;
let duck: NodeStore;

beforeAll(async () => {
  duck = await openNodeStore(':memory:');
  await loadCohortFixture(fixture, (sql, params) => duck.run(sql, params));
  if (url) {
    pg = await openPostgres(`${url}${url.includes('?') ? '&' : '?'}options=-csearch_path%3D${schema}`);
    await pg.exec(`CREATE SCHEMA ${schema}`);
  } else {
    pg = await openPglite();
  }
  for (const ddl of cohortPostgresDdl()) await pg.exec(ddl);
  await pg.transaction((tx) => loadCohortFixture(fixture, (sql, params) => tx.query(sql, params)));
}, 60_000);

afterAll(async () => {
  duck?.close();
  if (url) await pg?.exec(`DROP SCHEMA ${schema} CASCADE`);
  await pg?.close();
});

const ids = (rows: { person_id: unknown }[]) => rows.map((r) => Number(r.person_id)).sort((a, b) => a - b);

describe(`cohort compiler parity on ${url ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('gives the variant store and the coding tables the same columns as the node store', async () => {
    const tables = ['variant', 'genotype', 'person', 'condition_occurrence', 'observation'];
    for (const table of [...tables, ...CODED_TABLES.map(codingTable)]) {
      const q = `SELECT column_name FROM information_schema.columns WHERE table_name = '${table}'
        AND table_schema = ${url ? `'${schema}'` : 'current_schema()'} ORDER BY ordinal_position`;
      const onPg = (await pg.query<{ column_name: string }>(q)).map((r) => r.column_name);
      const onDuck = (
        await duck.all<{ column_name: string }>(q.replace(/AND table_schema = .*ORDER/s, 'ORDER'))
      ).map((r) => r.column_name);
      expect(onDuck.length, table).toBeGreaterThan(0);
      expect(onPg, table).toEqual(onDuck);
    }
  });

  for (const c of [
    ...cohortCases(fixture),
    { name: 'the example', definition: exampleCohortDefinition, expected: [] },
  ]) {
    it(c.name, async () => {
      const p = compileCohort(c.definition, 'postgres');
      const d = compileCohort(c.definition, 'duckdb');
      const onPg = ids(await pg.query<{ person_id: unknown }>(p.sql, p.params));
      const onDuck = ids(await duck.all<{ person_id: unknown }>(d.sql, d.params));
      expect(onPg).toEqual([...c.expected].sort((a, b) => a - b));
      expect(onPg).toEqual(onDuck);
      const count = compileCohortCount(c.definition, 'postgres');
      const [row] = await pg.query<{ n: unknown }>(count.sql, count.params);
      expect(Number(row?.n)).toBe(c.expected.length);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { openNodeStore } from './node-store';

describe('node store', () => {
  it('creates the OMOP schema and rolls back a failed transaction', async () => {
    const store = await openNodeStore(':memory:');
    const tables = await store.all<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables ORDER BY table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['person', 'measurement', 'quarantine']),
    );

    await expect(
      store.transaction(async () => {
        await store.run(
          `INSERT INTO person (person_id, gender_concept_id, year_of_birth, race_concept_id, ethnicity_concept_id)
           VALUES (1, 8507, 1970, 0, 0)`,
        );
        throw new Error('crash mid-batch');
      }),
    ).rejects.toThrow('crash mid-batch');
    const [row] = await store.all<{ n: number }>('SELECT count(*) AS n FROM person');
    expect(row?.n).toBe(0);
    store.close();
  });

  it('gives a reader its own connection: committed data only, its own temp tables, refused once closed', async () => {
    const store = await openNodeStore(':memory:');
    const insert = (id: number) =>
      store.run(
        `INSERT INTO person (person_id, gender_concept_id, year_of_birth, race_concept_id, ethnicity_concept_id)
         VALUES ($1, 8507, 1970, 0, 0)`,
        [id],
      );
    const count = async (on: { all: typeof store.all }) =>
      Number((await on.all<{ n: number }>('SELECT count(*) AS n FROM person'))[0]!.n);
    await insert(1);
    await store.run('CREATE TEMP TABLE main_only (x INTEGER)');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const written = new Promise<void>((r) => (inserted = r));
    let seenInside = -1;
    // An ingest-like transaction on the main connection, left open while the reader reads.
    const writing = store.transaction(async () => {
      await insert(2);
      inserted();
      await held;
    });
    await written;
    // The main connection is inside that transaction and sees its uncommitted row.
    expect(await count(store)).toBe(2);
    const result = await store.withReader(async (reader) => {
      seenInside = await count(reader);
      await reader.run('CREATE TEMP TABLE reader_only AS SELECT 1 AS x');
      const mine = await reader.all<{ n: number }>(
        `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name IN ('reader_only', 'main_only')`,
      );
      return Number(mine[0]!.n);
    });
    // The reader saw the committed row only, and its temp table but not the main connection's.
    expect(seenInside).toBe(1);
    expect(result).toBe(1);
    release();
    await writing;
    expect(await store.withReader(count)).toBe(2);
    // The reader's temp table went with its connection.
    expect(
      await store.withReader((r) => r.all(`SELECT 1 FROM duckdb_tables() WHERE table_name = 'reader_only'`)),
    ).toEqual([]);
    store.close();
    await expect(store.withReader(count)).rejects.toThrow(/closed/);
  });
});

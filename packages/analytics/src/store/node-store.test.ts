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
});

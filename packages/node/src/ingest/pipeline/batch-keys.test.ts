import { describe, expect, it } from 'vitest';
import { BatchWriter } from './batch-writer';
import { BatchKeys } from './batch-keys';
import { buildTableSpecs } from './table-specs';

describe('BatchKeys', () => {
  it('finds exactly the keys added, through many hash-table growths', () => {
    // Prepare: the "staged" keys are a plain array; an offset is the key's index.
    const staged: string[] = [];
    const keys = new BatchKeys();
    for (let i = 0; i < 300_000; i++) {
      staged.push(`Observation/${i}`);
      keys.add(staged[i]!, i);
    }
    const isAt = (key: string) => (offset: number) => staged[offset] === key;
    // Execute and assert
    expect(keys.has('Observation/0', isAt('Observation/0'))).toBe(true);
    expect(keys.has('Observation/299999', isAt('Observation/299999'))).toBe(true);
    expect(keys.has('Observation/300000', isAt('Observation/300000'))).toBe(false);
    // A hash match that the staged key denies is no match.
    expect(keys.has('Observation/7', () => false)).toBe(false);
    keys.clear();
    expect(keys.has('Observation/0', isAt('Observation/0'))).toBe(false);
  });
});

describe('BatchWriter.hasKey', () => {
  const specs = buildTableSpecs([
    { table_name: 'note', column_name: 'id', data_type: 'BIGINT', is_nullable: 'NO' },
    { table_name: 'note', column_name: 'ehds_key', data_type: 'VARCHAR', is_nullable: 'YES' },
  ]);

  it('knows the keys staged in the batch, with quotes and non-ASCII characters, until it is staged', () => {
    // Prepare
    const w = new BatchWriter(specs, 'b1', 'ds');
    const keys = ['Condition/a', 'Condition/"q"', 'Condition/é€', 'Condition/"é"'];
    // Execute
    for (const [i, k] of keys.entries()) {
      expect(w.hasKey(k)).toBe(false);
      expect(
        w.addRecord([{ table: 'note', row: { id: i } }], 'f.ndjson', i + 1, k, 'Condition'),
      ).toBeUndefined();
    }
    // Assert
    for (const k of keys) expect(w.hasKey(k)).toBe(true);
    for (const k of ['Condition/', 'Condition/"q', 'Condition/é', 'Condition/ab', 'Condition/"é""'])
      expect(w.hasKey(k)).toBe(false);
    const batch = w.stage();
    expect(batch.nKeys).toBe(4);
    expect(Buffer.from(batch.keys).toString()).toContain('"ds|Condition/""q""","Condition"');
    expect(w.hasKey('Condition/a')).toBe(false);
  });

  it('does not remember the key of a record it rejected', () => {
    // Prepare
    const w = new BatchWriter(specs, 'b1', 'ds');
    // Execute
    const why = w.addRecord([{ table: 'note', row: {} }], 'f.ndjson', 1, 'Condition/x', 'Condition');
    // Assert
    expect(why).toBe('note: missing required id');
    expect(w.hasKey('Condition/x')).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { populationOf } from './population';
import { FIXTURE_ID_SYSTEM, ingestPersons } from './test-fixture';

describe('populationOf: the persons of the permitted datasets, with their national identifiers', () => {
  let store: NodeStore;
  beforeAll(async () => {
    store = await openNodeStore(':memory:');
    await ingestPersons(store, 'fi-biobank', [
      { id: 'a', nationalId: 'FI-S1-0000001' },
      { id: 'b', nationalId: 'FI-S1-0000002' },
      { id: 'c' },
    ]);
    await ingestPersons(store, 'other-dataset', [{ id: 'z', nationalId: 'FI-S1-0000099' }]);
  });
  afterAll(() => store?.close());

  it('lists each person of the dataset once, with identifiers of the unifying system only', async () => {
    const persons = await populationOf(store, ['fi-biobank'], FIXTURE_ID_SYSTEM);
    expect(persons).toHaveLength(3);
    expect(persons.map((p) => p.nationalIds).sort()).toEqual([[], ['FI-S1-0000001'], ['FI-S1-0000002']]);
    expect(new Set(persons.map((p) => p.personId)).size).toBe(3);
  });

  it('leaves out persons of datasets the permit does not name', async () => {
    expect(await populationOf(store, ['other-dataset'], FIXTURE_ID_SYSTEM)).toEqual([
      { personId: expect.any(Number), nationalIds: ['FI-S1-0000099'] },
    ]);
    expect(await populationOf(store, ['unknown'], FIXTURE_ID_SYSTEM)).toEqual([]);
    expect(await populationOf(store, [], FIXTURE_ID_SYSTEM)).toEqual([]);
  });

  it('finds no national identifier under another system', async () => {
    const persons = await populationOf(store, ['fi-biobank'], 'urn:oid:1.2.246.21');
    expect(persons.every((p) => p.nationalIds.length === 0)).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import type { SignedDocument } from '@openehds/core';
import { storePermit, type RegisteredPermit } from '../permits/registry';
import { nationalIdPseudonym } from '../opt-out/pseudonym';
import { applyOptOutKey, applyOptOutSync } from '../opt-out/sync';
import { reconcileExtracts, type ExtractContext } from './reconcile';
import { extractPseudonyms, findExtract } from './store';
import { FIXTURE_ID_SYSTEM, ingestPersons } from './test-fixture';

const KEY = 'opt-out-key-for-tests-0123456789abcdef';
const KEY_ID = '0123456789abcdef';
const T = (day: number) => new Date(Date.UTC(2030, 0, day)).toISOString();

/** A permit version as `permit.update` stores it; the signed document carries what the extract follows. */
function permit(
  id: string,
  over: Partial<RegisteredPermit> & { exception?: boolean; lineage?: 'AMENDED' | 'RENEWED' } = {},
): RegisteredPermit {
  const { exception, lineage, ...rest } = over;
  const document = {
    permitNumber: id,
    datasets: [{ datasetId: 'fi-biobank', variables: ['condition_occurrence'] }],
    variables: ['person'],
    period: { from: '2015-01-01', to: '2029-12-31' },
    optOutException: {
      granted: exception === true,
      justification: exception ? 'Art. 71(4) public health' : null,
    },
    ...(lineage ? { lineage: { status: lineage } } : {}),
  };
  return {
    permitId: id,
    rootId: id,
    previousId: null,
    version: 1,
    revision: 1,
    status: 'GRANTED',
    validFrom: T(1),
    validUntil: '2040-01-01T00:00:00.000Z',
    activeFrom: T(2),
    activeUntil: null,
    renewals: 0,
    datasets: ['fi-biobank'],
    persons: [],
    signed: { type: 'openehds.permit/v1', document } as unknown as SignedDocument,
    receivedAt: T(2),
    ...rest,
  };
}

// A node prepares each permit's extract: its dataset's persons minus those opted out as of the approval
// (Art. 71(3)), unless the permit grants the exception (Art. 71(4)); deletes it at the end (Art. 68(12)).
describe('extract preparation at a node', () => {
  let store: NodeStore;
  const sent: { type: string; body: unknown }[] = [];
  let ctx: ExtractContext;
  const now = new Date(T(20));

  beforeAll(async () => {
    store = await openNodeStore(':memory:');
    await ingestPersons(store, 'fi-biobank', [
      { id: 'anna', nationalId: 'FI-S9-0000001' },
      { id: 'ben', nationalId: 'FI-S9-0000002' },
      { id: 'cara', nationalId: 'FI-S9-0000003' },
      { id: 'dan' },
    ]);
    ctx = {
      store,
      identifierSystem: FIXTURE_ID_SYSTEM,
      send: async (type, body) => {
        sent.push({ type, body });
        return { recorded: true };
      },
      clock: () => now,
    };
  });
  afterAll(() => store?.close());

  it('waits for the key and for a registry complete as of the approval', async () => {
    await storePermit(store, permit('P-A', { activeFrom: T(2) }));
    let r = await reconcileExtracts(ctx);
    expect(r.deferred).toEqual([{ permitId: 'P-A', reason: 'waiting for the opt-out key from the hub' }]);

    await applyOptOutKey(store, {
      keyId: KEY_ID,
      algorithm: 'HMAC-SHA256',
      format: 'national-id-v1',
      key: KEY,
    });
    await applyOptOutSync(store, {
      keyId: KEY_ID,
      full: true,
      fromSeq: 0,
      toSeq: 0,
      asOf: T(1),
      periods: [],
    });
    r = await reconcileExtracts(ctx);
    expect(r.deferred[0]!.reason).toMatch(/waiting for the opt-out registry as of 2030-01-02/);
    expect(await findExtract(store, 'P-A')).toBeNull();
  });

  it('filters a permit approved after an opt-out, and not one approved before it', async () => {
    // Prepare: ben opted out on day 5 (after P-A's approval on day 2, before P-B's on day 6)
    await applyOptOutSync(store, {
      keyId: KEY_ID,
      full: false,
      fromSeq: 0,
      toSeq: 1,
      asOf: T(10),
      periods: [{ pseudonym: nationalIdPseudonym(KEY, 'FI-S9-0000002'), optedOutAt: T(5), reversedAt: null }],
    });
    await storePermit(store, permit('P-B', { activeFrom: T(6) }));

    const r = await reconcileExtracts(ctx);

    expect(r.prepared.sort()).toEqual(['P-A', 'P-B']);
    expect(await findExtract(store, 'P-A')).toMatchObject({
      persons: 4,
      excludedByOptOut: 0,
      notMatchable: 1,
      optOutApplied: true,
      snapshotAt: T(2),
      snapshotBasis: 'grant',
      registryVersion: 1,
      datasets: ['fi-biobank'],
      variables: ['person', 'condition_occurrence'],
      period: { from: '2015-01-01', to: '2029-12-31' },
    });
    expect(await findExtract(store, 'P-B')).toMatchObject({
      persons: 3,
      excludedByOptOut: 1,
      notMatchable: 1,
    });
    // Pseudonyms are per permit: the two extracts share none.
    const a = await extractPseudonyms(store, 'P-A');
    const b = await extractPseudonyms(store, 'P-B');
    expect(a).toHaveLength(4);
    expect(b.filter((x) => a.includes(x))).toEqual([]);
  });

  it('reports counts only to the hub, once', async () => {
    const prepared = sent.filter((s) => s.type === 'permit.extract-prepared');
    expect(prepared.map((s) => (s.body as { permitId: string }).permitId).sort()).toEqual(['P-A', 'P-B']);
    expect(Object.keys(prepared[0]!.body as object).sort()).toEqual([
      'datasets',
      'excludedByOptOut',
      'notMatchable',
      'optOutApplied',
      'permitId',
      'persons',
      'preparedAt',
      'registryVersion',
      'snapshotAt',
    ]);
    const text = JSON.stringify(sent);
    for (const x of await extractPseudonyms(store, 'P-A')) expect(text).not.toContain(x);
    expect(text).not.toContain('FI-S9-');
    await reconcileExtracts(ctx);
    expect(sent.filter((s) => s.type === 'permit.extract-prepared')).toHaveLength(2);
  });

  it('does not filter a permit that grants the opt-out exception (Art. 71(4))', async () => {
    await storePermit(store, permit('P-X', { activeFrom: T(7), exception: true }));
    await reconcileExtracts(ctx);
    expect(await findExtract(store, 'P-X')).toMatchObject({
      persons: 4,
      excludedByOptOut: 0,
      optOutApplied: false,
      exceptionBasis: 'Art. 71(4) public health',
    });
  });

  it('keeps the approval and the pseudonyms of the chain through an amendment', async () => {
    // Prepare: P-B amended on day 8 (the hub closes P-B and sends the new version)
    await storePermit(store, { ...permit('P-B'), activeFrom: T(6), activeUntil: T(8), revision: 2 });
    await storePermit(
      store,
      permit('P-B2', {
        rootId: 'P-B',
        previousId: 'P-B',
        version: 2,
        status: 'AMENDED',
        activeFrom: T(8),
        lineage: 'AMENDED',
      }),
    );
    const before = await extractPseudonyms(store, 'P-B');

    const r = await reconcileExtracts(ctx);

    expect(r.prepared).toEqual(['P-B2']);
    expect(r.deleted).toEqual(['P-B']);
    expect(await findExtract(store, 'P-B2')).toMatchObject({ snapshotAt: T(6), excludedByOptOut: 1 });
    expect(await extractPseudonyms(store, 'P-B2')).toEqual(before);
    expect(await findExtract(store, 'P-B')).toMatchObject({ deletionReason: 'superseded' });
    expect(await extractPseudonyms(store, 'P-B')).toEqual([]);
  });

  it('deletes the persons when a permit is revoked, keeps the recipe, reports it, forgets the secret', async () => {
    await storePermit(store, { ...permit('P-A'), status: 'REVOKED', activeUntil: T(19), revision: 2 });

    const r = await reconcileExtracts(ctx);

    expect(r.deleted).toEqual(['P-A']);
    expect(await extractPseudonyms(store, 'P-A')).toEqual([]);
    expect(await findExtract(store, 'P-A')).toMatchObject({ persons: 4, deletionReason: 'revoked' });
    expect(sent.at(-1)).toEqual({
      type: 'permit.extract-deleted',
      body: { permitId: 'P-A', reason: 'revoked', deletedAt: now.toISOString(), persons: 4 },
    });
    const secrets = await store.all<{ root_id: string }>(
      'SELECT root_id FROM permit_extract_secret ORDER BY 1',
    );
    expect(secrets.map((s) => s.root_id)).toEqual(['P-B', 'P-X']);
  });
});

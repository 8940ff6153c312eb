import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { generateFederationKeyPair, signDocument, type JsonValue } from '@openehds/core';
import { checkTaskPermit, permitIdOf } from './guard';
import { findRegisteredPermit, listRegisteredPermits } from './registry';
import { isPermitActive, permitState } from './state';
import { applyPermitUpdate } from './update';

const hub = generateFederationKeyPair();
const NOW = new Date('2027-06-01T12:00:00Z');

/** A permit.update as the hub sends it (server permits/delivery.ts), signed with `key`. */
function update(
  id: string,
  over: Partial<{
    status: string;
    revision: number;
    previousPermitId: string | null;
    rootPermitId: string;
    version: number;
    activeFrom: string;
    activeUntil: string | null;
    validFrom: string;
    validUntil: string;
  }> = {},
  key = hub,
): JsonValue {
  const validFrom = over.validFrom ?? '2027-01-01T00:00:00.000Z';
  const validUntil = over.validUntil ?? '2029-01-01T00:00:00.000Z';
  const content = {
    permitNumber: id,
    validFrom,
    validUntil,
    datasets: [{ datasetId: 'fi-biobank', country: 'FI' }],
    persons: [{ name: 'Ada', email: 'ada@example.org', role: 'principal_investigator' }],
  };
  return {
    permit: {
      permitId: id,
      rootPermitId: over.rootPermitId ?? id,
      previousPermitId: over.previousPermitId ?? null,
      version: over.version ?? 1,
      revision: over.revision ?? 1,
      status: over.status ?? 'GRANTED',
      validFrom,
      validUntil,
      activeFrom: over.activeFrom ?? '2026-12-01T00:00:00.000Z',
      activeUntil: over.activeUntil ?? null,
      renewals: 0,
    },
    signed: signDocument('openehds.permit/v1', content, key, new Date('2026-12-01T00:00:00Z')),
  } as unknown as JsonValue;
}

describe('node permit registry and task guard', () => {
  let store: NodeStore;
  beforeAll(async () => {
    store = await openNodeStore(':memory:');
  });
  afterAll(() => store?.close());

  it('stores a hub-signed permit and reports it active within its access period only', async () => {
    const r = await applyPermitUpdate(store, update('FI-2027-000001'), hub.publicKey, NOW);
    expect(r).toEqual({ permitId: 'FI-2027-000001', revision: 1, stored: true });
    const stored = await findRegisteredPermit(store, 'FI-2027-000001');
    expect(stored).toMatchObject({
      status: 'GRANTED',
      datasets: ['fi-biobank'],
      persons: [{ email: 'ada@example.org' }],
      signed: { type: 'openehds.permit/v1' },
    });
    expect(await isPermitActive(store, 'FI-2027-000001', NOW)).toBe(true);
    expect(await permitState(store, 'FI-2027-000001', new Date('2026-12-15T00:00:00Z'))).toMatchObject({
      active: false,
      reason: expect.stringMatching(/only takes effect on 2027-01-01/),
    });
    expect(await permitState(store, 'FI-2027-000001', new Date('2029-01-01T00:00:00Z'))).toMatchObject({
      active: false,
      reason: expect.stringMatching(/expired on 2029-01-01/),
    });
  });

  it('refuses permits the hub did not sign, documents of another type and mismatched states', async () => {
    const forger = generateFederationKeyPair();
    await expect(
      applyPermitUpdate(store, update('FI-2027-000099', {}, forger), hub.publicKey),
    ).rejects.toThrow(/not the trusted key/);
    const altered = update('FI-2027-000098') as { permit: { validUntil: string } };
    altered.permit.validUntil = '2036-01-01T00:00:00.000Z';
    await expect(applyPermitUpdate(store, altered as unknown as JsonValue, hub.publicKey)).rejects.toThrow(
      /does not match the update/,
    );
    const decision = update('FI-2027-000097') as { signed: unknown };
    decision.signed = signDocument('openehds.decision/v1', { permitNumber: 'FI-2027-000097' }, hub);
    await expect(applyPermitUpdate(store, decision as unknown as JsonValue, hub.publicKey)).rejects.toThrow(
      /not a permit/,
    );
    await expect(applyPermitUpdate(store, update('FI-2027-000096'), undefined)).rejects.toThrow(/not pinned/);
    await expect(applyPermitUpdate(store, { permit: 'x' }, hub.publicKey)).rejects.toThrow(/malformed/);
    expect((await listRegisteredPermits(store)).map((p) => p.permitId)).toEqual(['FI-2027-000001']);
  });

  it('keeps the latest revision when deliveries cross, and refuses revoked and superseded permits', async () => {
    // Prepare: revision 2 (revoked) arrives before revision 1 (granted)
    const revoked = update('FI-2027-000002', {
      status: 'REVOKED',
      revision: 2,
      activeUntil: '2027-05-01T00:00:00.000Z',
    });
    expect((await applyPermitUpdate(store, revoked, hub.publicKey, NOW)).stored).toBe(true);
    expect((await applyPermitUpdate(store, update('FI-2027-000002'), hub.publicKey, NOW)).stored).toBe(false);
    expect(await permitState(store, 'FI-2027-000002', NOW)).toMatchObject({
      active: false,
      reason: expect.stringMatching(/revoked on 2027-05-01 \(Art\. 63\)/),
    });

    // An amendment: the new version arrives before the closure of the old one.
    await applyPermitUpdate(store, update('FI-2027-000003'), hub.publicKey, NOW);
    await applyPermitUpdate(
      store,
      update('FI-2027-000004', {
        status: 'AMENDED',
        version: 2,
        previousPermitId: 'FI-2027-000003',
        rootPermitId: 'FI-2027-000003',
        activeFrom: '2027-05-15T00:00:00.000Z',
      }),
      hub.publicKey,
      NOW,
    );
    expect(await permitState(store, 'FI-2027-000003', NOW)).toMatchObject({
      active: false,
      reason: expect.stringMatching(/superseded by permit FI-2027-000004 on 2027-05-15/),
    });
    expect(await isPermitActive(store, 'FI-2027-000004', NOW)).toBe(true);
    expect(await permitState(store, 'FI-2027-404', NOW)).toMatchObject({
      active: false,
      reason: expect.stringMatching(/unknown at this node/),
    });
  });

  it('checks tasks: one naming an inactive permit is refused with the reason, others pass', async () => {
    await expect(checkTaskPermit(store, { permitId: 'FI-2027-000004' }, NOW)).resolves.toBeUndefined();
    await expect(checkTaskPermit(store, { ping: 1 }, NOW)).resolves.toBeUndefined();
    await expect(checkTaskPermit(store, { permitId: 'FI-2027-000002' }, NOW)).rejects.toThrow(
      /^refused by the node's permit check: permit FI-2027-000002 was revoked/,
    );
    await expect(checkTaskPermit(store, { permitId: 'FI-2027-000003' }, NOW)).rejects.toThrow(/superseded/);
    await expect(checkTaskPermit(store, { permitId: '' }, NOW)).rejects.toThrow(/non-empty string/);
    expect(permitIdOf([1, 2])).toBeUndefined();
  });
});

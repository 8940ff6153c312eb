import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { nationalIdPseudonym } from './pseudonym';
import { optedOutAt, registryState } from './store';
import { applyOptOutKey, applyOptOutSync } from './sync';

const KEY = 'k'.repeat(43);
const keyPayload = (keyId = '0123456789abcdef', key = KEY) => ({
  keyId,
  algorithm: 'HMAC-SHA256',
  format: 'national-id-v1',
  key,
});
const p = (id: string) => nationalIdPseudonym(KEY, id);
const sync = (over: Record<string, unknown>) => ({
  keyId: '0123456789abcdef',
  full: false,
  fromSeq: 0,
  toSeq: 0,
  asOf: '2030-01-10T00:00:00.000Z',
  periods: [],
  ...over,
});

describe('the opt-out registry at a node', () => {
  let store: NodeStore;
  beforeEach(async () => {
    store = await openNodeStore(':memory:');
  });
  afterEach(() => store.close());

  it('keeps the key once; a new key empties the registry made with the old one', async () => {
    expect(await applyOptOutKey(store, keyPayload())).toEqual({ keyId: '0123456789abcdef', replaced: true });
    expect(await applyOptOutKey(store, keyPayload())).toEqual({ keyId: '0123456789abcdef', replaced: false });
    await applyOptOutSync(
      store,
      sync({
        full: true,
        toSeq: 1,
        periods: [{ pseudonym: p('A'), optedOutAt: '2030-01-01T00:00:00Z', reversedAt: null }],
      }),
    );
    await applyOptOutKey(store, keyPayload('fedcba9876543210', 'n'.repeat(43)));
    expect(await registryState(store)).toEqual({ keyId: 'fedcba9876543210', version: 0, asOf: null });
    expect((await optedOutAt(store, '2030-02-01T00:00:00.000Z')).size).toBe(0);
  });

  it('answers who had opted out as of an instant, from the periods (Art. 71(3))', async () => {
    await applyOptOutKey(store, keyPayload());
    const result = await applyOptOutSync(
      store,
      sync({
        full: true,
        toSeq: 4,
        periods: [
          { pseudonym: p('A'), optedOutAt: '2030-01-01T00:00:00Z', reversedAt: null },
          { pseudonym: p('B'), optedOutAt: '2030-01-02T00:00:00Z', reversedAt: '2030-01-05T00:00:00Z' },
          { pseudonym: p('C'), optedOutAt: '2030-01-06T00:00:00Z', reversedAt: null },
        ],
      }),
    );
    expect(result).toEqual({ version: 4, periods: 3 });
    expect(await registryState(store)).toEqual({
      keyId: '0123456789abcdef',
      version: 4,
      asOf: '2030-01-10T00:00:00.000Z',
    });
    expect(await optedOutAt(store, '2030-01-03T00:00:00.000Z')).toEqual(new Set([p('A'), p('B')]));
    expect(await optedOutAt(store, '2030-01-05T00:00:00.000Z')).toEqual(new Set([p('A')]));
    expect(await optedOutAt(store, '2030-01-06T00:00:00.000Z')).toEqual(new Set([p('A'), p('C')]));
    expect(await optedOutAt(store, '2029-12-31T23:59:59.999Z')).toEqual(new Set());
  });

  it('applies increments idempotently and in order, and refuses a gap or another key', async () => {
    await applyOptOutKey(store, keyPayload());
    const first = sync({
      fromSeq: 0,
      toSeq: 1,
      periods: [{ pseudonym: p('A'), optedOutAt: '2030-01-01T00:00:00Z', reversedAt: null }],
    });
    await applyOptOutSync(store, first);
    await applyOptOutSync(store, first);
    await applyOptOutSync(
      store,
      sync({
        fromSeq: 1,
        toSeq: 2,
        asOf: '2030-01-12T00:00:00Z',
        periods: [
          { pseudonym: p('A'), optedOutAt: '2030-01-01T00:00:00Z', reversedAt: '2030-01-11T00:00:00Z' },
        ],
      }),
    );
    expect(await registryState(store)).toMatchObject({ version: 2, asOf: '2030-01-12T00:00:00.000Z' });
    expect(await optedOutAt(store, '2030-01-12T00:00:00.000Z')).toEqual(new Set());
    await expect(applyOptOutSync(store, sync({ fromSeq: 5, toSeq: 6 }))).rejects.toThrow(/registry gap/);
    await expect(applyOptOutSync(store, sync({ keyId: 'aaaaaaaaaaaaaaaa' }))).rejects.toThrow(/opt-out key/);
    await expect(
      applyOptOutSync(store, { ...sync({}), periods: [{ pseudonym: '131052-308T' }] }),
    ).rejects.toThrow(/malformed opt-out.sync/);
  });

  it('computes the same pseudonym as the hub for the same identifier, however it is typed', () => {
    expect(nationalIdPseudonym(KEY, ' fi-s1-0000001 ')).toBe(nationalIdPseudonym(KEY, 'FI-S1-0000001'));
    expect(nationalIdPseudonym(KEY, 'FI-S1-0000001')).not.toBe(
      nationalIdPseudonym('x'.repeat(43), 'FI-S1-0000001'),
    );
    expect(nationalIdPseudonym(KEY, 'FI-S1-0000001')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

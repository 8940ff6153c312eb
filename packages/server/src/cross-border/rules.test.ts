import { describe, expect, it } from 'vitest';
import { planDelivery, RETRY_BASE_MS, RETRY_CAP_MS, retryDelayMs } from './delivery-plan';
import { forwardTargets, isNewerReport } from './routing';

describe('forwarding rule (Art. 67(3))', () => {
  const datasets = [
    { datasetId: 'fi-biobank', country: 'FI' },
    { datasetId: 'de-heidelberg', country: 'DE' },
    { datasetId: 'de-registry', country: 'DE' },
    { datasetId: 'es-cancer', country: 'ES' },
  ];

  it('sends each peer a copy naming only its datasets, and nothing to countries without a peer', () => {
    const targets = forwardTargets(datasets, new Set(['DE', 'SE']));
    expect([...targets.keys()]).toEqual(['DE']);
    expect(targets.get('DE')!.map((d) => d.datasetId)).toEqual(['de-heidelberg', 'de-registry']);
    expect(forwardTargets(datasets, new Set()).size).toBe(0);
  });

  it('keeps only newer status reports', () => {
    expect(isNewerReport(0, 1)).toBe(true);
    expect(isNewerReport(5, 5)).toBe(false);
    expect(isNewerReport(7, 6)).toBe(false);
  });
});

describe('outbox delivery plan', () => {
  const now = new Date('2027-03-01T12:00:00.000Z');
  const at = (ms: number) => new Date(now.getTime() + ms);

  it('backs off exponentially from the base, capped at an hour', () => {
    expect(retryDelayMs(1)).toBe(RETRY_BASE_MS);
    expect(retryDelayMs(2)).toBe(2 * RETRY_BASE_MS);
    expect(retryDelayMs(4)).toBe(8 * RETRY_BASE_MS);
    expect(retryDelayMs(100)).toBe(RETRY_CAP_MS);
  });

  it('sends due messages in order, never one behind a waiting message of the same application', () => {
    const plan = planDelivery(
      [
        { id: 'a1', orderKey: 'A', nextAttemptAt: at(60_000) }, // A's forward waits for its retry
        { id: 'b1', orderKey: 'B', nextAttemptAt: at(0) },
        { id: 'a2', orderKey: 'A', nextAttemptAt: at(-1) }, // A's withdrawal must not overtake it
        { id: 'b2', orderKey: 'B', nextAttemptAt: at(-5) },
      ],
      now,
    );
    expect(plan.map((m) => m.id)).toEqual(['b1', 'b2']);
  });
});

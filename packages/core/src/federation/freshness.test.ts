import { describe, expect, it } from 'vitest';
import { checkFreshness, nonceHorizon, NONCE_RETENTION_MS, REPLAY_WINDOW_MS } from './freshness';

const now = new Date('2027-03-01T12:00:00.000Z');
const shifted = (ms: number) => new Date(now.getTime() + ms).toISOString();

describe('replay window', () => {
  it('accepts messages within ±5 minutes, edges included', () => {
    expect(checkFreshness(shifted(0), now).ok).toBe(true);
    expect(checkFreshness(shifted(-REPLAY_WINDOW_MS), now).ok).toBe(true);
    expect(checkFreshness(shifted(REPLAY_WINDOW_MS), now).ok).toBe(true);
  });

  it('refuses older and future messages, saying which way the clock is off', () => {
    const old = checkFreshness(shifted(-REPLAY_WINDOW_MS - 1000), now);
    expect(old).toMatchObject({ ok: false, reason: 'stale' });
    expect(!old.ok && old.message).toMatch(/old/);
    const future = checkFreshness(shifted(10 * 60_000), now);
    expect(!future.ok && future.message).toMatch(/in the future/);
    expect(checkFreshness('yesterday', now).ok).toBe(false);
  });

  it('keeps nonces for as long as a message could still pass the time check', () => {
    // A message issued one window in the future stays fresh for two windows after it is first seen.
    expect(NONCE_RETENTION_MS).toBeGreaterThan(2 * REPLAY_WINDOW_MS);
    expect(now.getTime() - nonceHorizon(now).getTime()).toBe(NONCE_RETENTION_MS);
  });
});

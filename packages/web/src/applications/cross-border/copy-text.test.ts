import { describe, expect, it } from 'vitest';
import type { CrossBorderCopy } from '@openehds/client';
import { deliveryText, peerDecisionFileName, sortedCopies } from './copy-text';

describe('deliveryText', () => {
  it('says when the peer got the message, or how often it was tried', () => {
    expect(deliveryText({ deliveredAt: '2027-05-01T10:00:00.000Z', attempts: 1 })).toBe(
      'Delivered 2027-05-01 10:00 UTC',
    );
    expect(deliveryText({ deliveredAt: null, attempts: 3 })).toBe('Not delivered yet (3 attempts)');
    expect(deliveryText({ deliveredAt: null, attempts: 0 })).toBe('Waiting to be sent');
  });
});

describe('peerDecisionFileName and sortedCopies', () => {
  it('names the peer decision file safely and orders copies by country', () => {
    expect(peerDecisionFileName({ country: 'DE', remoteReference: 'DE-APP-2027-000003' })).toBe(
      'decision-DE-DE-APP-2027-000003.json',
    );
    expect(peerDecisionFileName({ country: 'ES', remoteReference: null })).toBe('decision-ES-decision.json');
    const copy = (country: string) => ({ country }) as CrossBorderCopy;
    expect(sortedCopies([copy('ES'), copy('DE')]).map((c) => c.country)).toEqual(['DE', 'ES']);
    expect(sortedCopies(undefined)).toEqual([]);
  });
});

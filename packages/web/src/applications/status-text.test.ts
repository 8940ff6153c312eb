import { describe, expect, it } from 'vitest';
import type { ApplicationHistoryEvent } from '@openehds/client';
import { actorName, eventLabel, latestInformationRequest, statusBadge } from './status-text';

const event = (over: Partial<ApplicationHistoryEvent>): ApplicationHistoryEvent => ({
  seq: 1,
  event: 'submit',
  fromStatus: 'DRAFT',
  toStatus: 'SUBMITTED',
  actor: 'account:user',
  at: '2027-01-01T10:00:00.000Z',
  reason: null,
  details: {},
  ...over,
});

describe('statusBadge', () => {
  it('names the status, and the outcome once decided', () => {
    expect(statusBadge('AWAITING_ADDITIONAL_INFORMATION', null)).toEqual({
      text: 'Information requested',
      tone: 'warn',
    });
    expect(statusBadge('DECISION_ISSUED', 'REFUSED')).toEqual({ text: 'Refused', tone: 'bad' });
    expect(statusBadge('DECISION_ISSUED', 'GRANTED')).toEqual({ text: 'Granted', tone: 'ok' });
    expect(statusBadge('DRAFT', null).text).toBe('Draft');
  });
});

describe('history words', () => {
  it('shows who acted without the account prefix, and the scheduler as the hub', () => {
    expect(actorName('account:hdab')).toBe('hdab');
    expect(actorName('system')).toBe('the hub');
  });
  it('labels events, with the outcome of a decision', () => {
    expect(eventLabel(event({ event: 'decide', details: { outcome: 'GRANTED' } }))).toBe(
      'Decision issued: Granted',
    );
    expect(eventLabel(event({ event: 'extend' }))).toBe('Decision period extended');
    expect(eventLabel(event({ event: 'something-new' }))).toBe('something-new');
  });
  it('finds the latest request for information', () => {
    const history = [
      event({ seq: 1, event: 'request-information', reason: 'first', at: '2027-01-02T00:00:00.000Z' }),
      event({ seq: 2, event: 'provide-information', reason: 'answer' }),
      event({ seq: 3, event: 'request-information', reason: 'second', at: '2027-02-02T00:00:00.000Z' }),
    ];
    expect(latestInformationRequest(history)).toEqual({ at: '2027-02-02T00:00:00.000Z', message: 'second' });
    expect(latestInformationRequest([event({})])).toBeNull();
  });
});

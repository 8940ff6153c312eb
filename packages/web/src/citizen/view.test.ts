import { describe, expect, it } from 'vitest';
import type { OptOutStatus } from '@openehds/client';
import { historyRow, nextChange, receiptText, statusText } from './view';

const out: OptOutStatus = {
  optedOut: true,
  since: '2031-03-04T10:15:00.000Z',
  history: [{ action: 'opt-out', at: '2031-03-04T10:15:00.000Z', receiptId: 'r-1' }],
};
const never: OptOutStatus = { optedOut: false, since: null, history: [] };

describe('citizen page words', () => {
  it('says since when a person is opted out, and offers to opt back in', () => {
    expect(statusText(out).headline).toBe('You have opted out since 2031-03-04 10:15 UTC.');
    expect(nextChange(out)).toMatchObject({
      kind: 'reversal',
      button: 'Opt back in',
      yes: 'Yes, opt back in',
    });
    expect(nextChange(out).confirm).toMatch(/approved while you were opted out stay without your data/);
  });

  it('offers the opt-out to someone who never chose, and says what it leaves untouched', () => {
    expect(statusText(never).headline).toBe('You have not opted out.');
    const change = nextChange(never);
    expect(change.kind).toBe('opt-out');
    expect(change.confirm).toMatch(/Permits approved earlier are not affected/);
    expect(change.confirm).toMatch(/care is not affected/);
  });

  it('shows each change with its receipt, and the receipt of a new change', () => {
    expect(historyRow({ action: 'reversal', at: '2031-04-01T08:00:00.000Z', receiptId: 'r-2' })).toEqual({
      what: 'Opted back in',
      when: '2031-04-01 08:00 UTC',
      receipt: 'r-2',
    });
    expect(receiptText({ changed: true, receipt: out.history[0]! })).toBe(
      'Your opt-out is registered. Receipt r-1, 2031-03-04 10:15 UTC.',
    );
    expect(receiptText({ changed: false, receipt: out.history[0]! })).toBe(
      'Your choice was already registered; nothing changed.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { resultsDuty } from './results-due';

// Art. 61(4): results public within 18 months of the end of processing or of the answer.
describe('resultsDuty', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const permit = (status: string, validUntil: string, activeUntil: string | null = null) => ({
    status,
    validUntil,
    activeUntil,
  });

  it('has not started while the permit runs, and never applies to a refusal', () => {
    expect(
      resultsDuty(
        { latestPermit: permit('GRANTED', '2027-01-01T00:00:00Z'), answeredAt: null, resultsReported: 0 },
        now,
      ),
    ).toBeNull();
    expect(resultsDuty({ latestPermit: null, answeredAt: null, resultsReported: 0 }, now)).toBeNull();
  });

  it('runs 18 calendar months from the end date, the revocation or the answer', () => {
    expect(
      resultsDuty(
        { latestPermit: permit('GRANTED', '2024-08-31T00:00:00Z'), answeredAt: null, resultsReported: 0 },
        now,
      ),
    ).toEqual({ endedAt: '2024-08-31T00:00:00.000Z', dueAt: '2026-02-28T00:00:00.000Z', overdue: true });
    expect(
      resultsDuty(
        {
          latestPermit: permit('REVOKED', '2029-01-01T00:00:00Z', '2025-03-31T12:00:00Z'),
          answeredAt: null,
          resultsReported: 0,
        },
        now,
      ),
    ).toEqual({ endedAt: '2025-03-31T12:00:00.000Z', dueAt: '2026-09-30T12:00:00.000Z', overdue: false });
    expect(
      resultsDuty({ latestPermit: null, answeredAt: '2024-11-15T08:00:00Z', resultsReported: 0 }, now),
    ).toMatchObject({
      dueAt: '2026-05-15T08:00:00.000Z',
      overdue: true,
    });
  });

  it('is met by any reported result', () => {
    expect(
      resultsDuty(
        {
          latestPermit: permit('EXPIRED', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
          answeredAt: null,
          resultsReported: 1,
        },
        now,
      )?.overdue,
    ).toBe(false);
  });
});

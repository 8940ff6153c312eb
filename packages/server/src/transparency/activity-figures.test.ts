import { describe, expect, it } from 'vitest';
import { activityFigures, durations, type ActivityFile, type ActivityInput } from './activity-figures';

const file = (over: Partial<ActivityFile>): ActivityFile => ({
  id: 'f',
  kind: 'application',
  organisationKind: 'research_organisation',
  submittedAt: '2026-01-10T00:00:00Z',
  decidedAt: null,
  outcome: null,
  purposes: ['SCIENTIFIC_RESEARCH'],
  datasetIds: ['d1'],
  permitValidFrom: null,
  acknowledgedFee: null,
  ...over,
});

const input = (files: ActivityFile[], over: Partial<ActivityInput> = {}): ActivityInput => ({
  from: '2026-01-01',
  to: '2026-03-31',
  generatedAt: new Date('2026-06-01T00:00:00Z'),
  hdab: { name: 'HDAB', country: 'FI' },
  files,
  datasets: [{ id: 'd1', published: true, healthCategories: ['EHRS', 'PHDR'], stars: 3 }],
  results: [],
  resultsDuties: [],
  permitsRevoked: 0,
  ...over,
});

describe('Art. 59(1) figures', () => {
  it('takes average and median in days', () => {
    expect(durations([])).toEqual({ count: 0, averageDays: null, medianDays: null });
    expect(durations([10, 2, 4])).toEqual({ count: 3, averageDays: 5.3, medianDays: 4 });
    expect(durations([1, 2, 3, 10])).toEqual({ count: 4, averageDays: 4, medianDays: 2.5 });
  });

  it('counts files when received, decisions, revenue and durations when decided, in the period only', () => {
    const r = activityFigures(
      input([
        // Received before the period, granted in it: a decision and revenue, not a file received.
        file({
          id: 'a',
          submittedAt: '2025-12-01T00:00:00Z',
          decidedAt: '2026-02-15T00:00:00Z',
          outcome: 'GRANTED',
          permitValidFrom: '2026-03-01T00:00:00Z',
          acknowledgedFee: 1200.5,
        }),
        // Received in the period, decided after it.
        file({
          id: 'b',
          organisationKind: null,
          kind: 'request',
          decidedAt: '2026-04-02T00:00:00Z',
          outcome: 'REFUSED',
        }),
        // Granted without an acknowledged estimate: a decision, no revenue.
        file({
          id: 'c',
          decidedAt: '2026-03-31T23:59:59Z',
          outcome: 'PARTIALLY_GRANTED',
          datasetIds: ['gone'],
        }),
      ]),
    );
    expect(r.received).toEqual({
      total: 2,
      byKind: { application: 1, request: 1 },
      byOrganisationKind: {
        none: { application: 0, request: 1 },
        research_organisation: { application: 1, request: 0 },
      },
    });
    expect(r.decisions).toEqual({
      total: 2,
      byOutcome: { GRANTED: 1, PARTIALLY_GRANTED: 1, REFUSED: 0, ANSWERED_AS_REQUEST: 0 },
    });
    expect(r.revenue).toEqual({ currency: 'EUR', total: 1200.5, files: 1, byMonth: { '2026-02': 1200.5 } });
    expect(r.durations.toDecision).toMatchObject({ count: 2 });
    expect(r.durations.toAccess).toEqual({ count: 1, averageDays: 90, medianDays: 90 });
    // Files received: b asks d1 (EHRS, PHDR), c a dataset no longer in the catalogue.
    expect(r.dataCategories).toEqual({ EHRS: 1, PHDR: 1, unknown: 1 });
    expect(r.purposes.SCIENTIFIC_RESEARCH).toBe(2);
    expect(r.qualityLabels.byStars).toMatchObject({ '3': 1, unlabelled: 0 });
    expect(r.qualityLabels.byCategory).toEqual({
      EHRS: { '0': 0, '1': 0, '2': 0, '3': 1, '4': 0, '5': 0, unlabelled: 0 },
      PHDR: { '0': 0, '1': 0, '2': 0, '3': 1, '4': 0, '5': 0, unlabelled: 0 },
    });
  });

  it('counts results reported in the period and the duties overdue at its end', () => {
    const r = activityFigures(
      input([], {
        results: [
          { kind: 'publication', isAiProduct: false, reportedAt: '2026-02-01T00:00:00Z' },
          { kind: 'ai_model', isAiProduct: true, reportedAt: '2026-02-02T00:00:00Z' },
          { kind: 'product', isAiProduct: false, reportedAt: '2026-03-02T00:00:00Z' },
          { kind: 'publication', isAiProduct: false, reportedAt: '2026-04-01T00:00:00Z' },
        ],
        resultsDuties: [
          // Ended 2024-06-30: due 2025-12-31, overdue at the end of the period.
          {
            latestPermit: { status: 'EXPIRED', validUntil: '2024-06-30T00:00:00Z', activeUntil: null },
            answeredAt: null,
            resultsReported: 0,
          },
          // Ended 2024-12-31: due 2026-06-30, after the period.
          {
            latestPermit: { status: 'EXPIRED', validUntil: '2024-12-31T00:00:00Z', activeUntil: null },
            answeredAt: null,
            resultsReported: 0,
          },
        ],
      }),
    );
    expect(r.results).toEqual({
      total: 3,
      byKind: { publication: 1, ai_model: 1, product: 1 },
      publications: 1,
      aiProducts: 1,
      products: 1,
      overdue: 1,
    });
  });
});

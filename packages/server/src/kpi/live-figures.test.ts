import { describe, expect, it } from 'vitest';
import { LIVE_KPI_KEYS, liveFigures, type LiveRecords } from './live-figures';
import { manualFigure } from './manual-figure';

const months = ['2026-01', '2026-02', '2026-03'];
const empty: LiveRecords = {
  decisions: [],
  accesses: [],
  grants: [],
  datasets: [],
  analyses: [],
  jobs: [],
  outputs: [],
  optOuts: { atMonthEnds: [0, 0, 0], now: 0 },
  extracts: [],
  aiProducts: [],
  feasibility: [],
};
const byKey = (r: Partial<LiveRecords>) =>
  new Map(liveFigures({ ...empty, ...r }, months).map((k) => [k.key, k]));

describe('live KPIs', () => {
  it('has one figure per live key, in order, each defined and with a series over the window', () => {
    const all = liveFigures(empty, months);
    expect(all.map((k) => k.key)).toEqual([...LIVE_KPI_KEYS]);
    for (const k of all) {
      expect(k.series.map((s) => s.month)).toEqual(months);
      expect(k.definition.length).toBeGreaterThan(20);
    }
  });

  it('reports nothing measured as null for durations and rates, and as 0 for counts', () => {
    const k = byKey({});
    expect(k.get('applications.days-to-decision')!.current).toBeNull();
    expect(k.get('opt-out.rate')!.current).toBeNull();
    expect(k.get('analyses.run')!.current).toBe(0);
  });

  it('takes the median days to decision over decisions in the window, by month of decision', () => {
    const k = byKey({
      decisions: [
        { submittedAt: '2025-12-01T00:00:00Z', decidedAt: '2026-01-31T00:00:00Z' }, // 61
        { submittedAt: '2026-01-01T00:00:00Z', decidedAt: '2026-01-21T00:00:00Z' }, // 20
        { submittedAt: '2026-02-01T00:00:00Z', decidedAt: '2026-03-03T00:00:00Z' }, // 30
        { submittedAt: '2025-01-01T00:00:00Z', decidedAt: '2025-12-31T00:00:00Z' }, // before the window
      ],
    }).get('applications.days-to-decision')!;
    expect(k.series.map((s) => s.value)).toEqual([40.5, null, 30]);
    expect(k.current).toBe(30);
    expect(k.direction).toBe('lower');
  });

  it('counts permits granted in the window under each of their purposes once', () => {
    const k = byKey({
      grants: [
        { grantedAt: '2026-01-05T00:00:00Z', purposes: ['SCIENTIFIC_RESEARCH', 'SCIENTIFIC_RESEARCH'] },
        { grantedAt: '2026-03-05T00:00:00Z', purposes: ['PUBLIC_HEALTH', 'SCIENTIFIC_RESEARCH'] },
        { grantedAt: '2025-03-05T00:00:00Z', purposes: ['EDUCATION'] },
      ],
    }).get('permits.granted')!;
    expect(k.current).toBe(2);
    expect(k.series.map((s) => s.value)).toEqual([1, 0, 1]);
    expect(k.breakdown).toEqual([
      { label: 'SCIENTIFIC_RESEARCH', value: 2 },
      { label: 'PUBLIC_HEALTH', value: 1 },
    ]);
  });

  it('counts labelled published datasets as a stock, with their categories', () => {
    const k = byKey({
      datasets: [
        { publishedAt: '2025-05-01T00:00:00Z', categories: ['EHRS', 'HGPD'], labelled: true },
        { publishedAt: '2026-02-01T00:00:00Z', categories: ['EHRS'], labelled: true },
        { publishedAt: '2026-02-01T00:00:00Z', categories: ['PHDR'], labelled: false },
      ],
    }).get('datasets.labelled')!;
    expect(k.current).toBe(2);
    expect(k.currentBasis).toBe('now');
    expect(k.series.map((s) => s.value)).toEqual([1, 2, 2]);
    expect(k.breakdown).toEqual([
      { label: 'EHRS', value: 2 },
      { label: 'HGPD', value: 1 },
    ]);
  });

  it('splits output decisions into released and blocked, by source', () => {
    const k = byKey({
      outputs: [
        { at: '2026-01-02T00:00:00Z', outcome: 'released', source: 'airlock' },
        { at: '2026-02-02T00:00:00Z', outcome: 'released', source: 'analysis' },
        { at: '2026-02-03T00:00:00Z', outcome: 'blocked', source: 'analysis' },
        { at: '2026-03-03T00:00:00Z', outcome: 'blocked', source: 'airlock' },
        { at: '2026-03-04T00:00:00Z', outcome: 'blocked', source: 'airlock' },
      ],
    });
    expect(k.get('outputs.released')!.current).toBe(2);
    expect(k.get('outputs.blocked')!.series.map((s) => s.value)).toEqual([0, 1, 2]);
    expect(k.get('outputs.blocked')!.breakdown).toEqual([
      { label: 'airlock', value: 2 },
      { label: 'analysis', value: 1 },
    ]);
  });

  it('rates opt-out exclusions over persons selected (kept + excluded), and takes the stock as given', () => {
    const k = byKey({
      extracts: [
        { at: '2026-01-10T00:00:00Z', kept: 90, excluded: 10 },
        { at: '2026-03-10T00:00:00Z', kept: 295, excluded: 5 },
      ],
      optOuts: { atMonthEnds: [3, 4, 4], now: 5 },
    });
    expect(k.get('opt-out.rate')!.series.map((s) => s.value)).toEqual([10, null, 1.7]);
    expect(k.get('opt-out.rate')!.current).toBe(3.8);
    expect(k.get('opt-out.in-force')!.current).toBe(5);
    expect(k.get('opt-out.in-force')!.series.map((s) => s.value)).toEqual([3, 4, 4]);
  });

  it('counts AI products so far, by regulatory status, with reports per month', () => {
    const k = byKey({
      aiProducts: [
        { at: '2024-01-01T00:00:00Z', status: 'on_market' },
        { at: '2026-02-01T00:00:00Z', status: null },
      ],
    }).get('ai-products.reported')!;
    expect(k.current).toBe(2);
    expect(k.series.map((s) => s.value)).toEqual([0, 1, 0]);
    expect(k.breakdown.map((b) => b.label)).toEqual(['not stated', 'on_market']);
  });
});

describe('manual KPI figure', () => {
  const kpi = {
    id: 'k1',
    key: 'stakeholder.satisfaction',
    title: 'Stakeholder satisfaction',
    unit: 'score',
    description: null,
    target: 4,
    direction: 'higher' as const,
    updatedAt: '2026-03-01T00:00:00Z',
    values: [
      { date: '2026-01-15', value: 3.5, note: null },
      { date: '2026-03-15', value: 4.2, note: null },
      { date: '2025-06-15', value: 2, note: null },
    ],
  };

  it('shows the latest value against the target, and the series by month', () => {
    const f = manualFigure(kpi, months);
    expect(f).toMatchObject({ current: 4.2, target: 4, met: true, source: 'manual', currentBasis: 'latest' });
    expect(f.series.map((s) => s.value)).toEqual([3.5, null, 4.2]);
    expect(manualFigure({ ...kpi, direction: 'lower' }, months).met).toBe(false);
    expect(manualFigure({ ...kpi, values: [] }, months)).toMatchObject({ current: null, met: null });
  });
});

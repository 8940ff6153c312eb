import { describe, expect, it } from 'vitest';
import { CHECKS } from './catalogue';
import type { DeclaredInfo } from './declared';
import { computeLabel, linearDown, similarity, starsFor } from './label';
import { toResult } from './run-quality';
import { DIMENSIONS, DOCUMENTATION_FIELDS, STAR_CUTOFFS } from './scheme';
import type { DataMeasures } from './types';

const NOW = new Date('2026-06-30T00:00:00Z');

const MEASURES: DataMeasures = {
  persons: 100_000,
  records: 2_000_000,
  firstEventDate: '2010-01-01',
  lastEventDate: '2026-06-01',
  spanYears: 16.4,
  meanYearsInData: 8,
  sexShares: { male: 0.49, female: 0.51, other: 0 },
  ageBandShares: { '0-9': 0.1, '10-19': 0.1, '20-29': 0.2, '30-39': 0.2, '40-49': 0.2, '50-59': 0.2 },
  daysSinceLastEvent: 29,
  lastIngestAt: '2026-06-20T00:00:00.000Z',
  daysSinceLastIngest: 10,
};

const FULL_DECLARED: DeclaredInfo = {
  description: Object.fromEntries(DOCUMENTATION_FIELDS.map((f) => [f.field, 'filled'])),
  qualityManagement: { maturityLevel: 4, biasAssessed: true },
  access: { collectionToInclusionDays: 7, deliveryDaysAfterApproval: 10, accessProcedureDocumented: true },
  compliance: {
    legalBasisDocumented: true,
    dpiaDone: true,
    recordOfProcessing: true,
    standards: ['OMOP CDM 5.4'],
  },
  provenance: { sourceSystemsDescribed: true, collectionMethodDescribed: true, processingDescribed: true },
  referencePopulation: {
    size: 100_000,
    sexShares: MEASURES.sexShares,
    ageBandShares: MEASURES.ageBandShares,
  },
};

// Every check applicable (1000 rows), none failing.
const CLEAN = CHECKS.map((c) => toResult(c, 1000, 0));

describe('stars', () => {
  it('follows the QUANTUM cut-offs 25/45/60/80/90', () => {
    expect(STAR_CUTOFFS).toEqual([25, 45, 60, 80, 90]);
    const cases: [number, number][] = [
      [0, 0],
      [24.9, 0],
      [25, 1],
      [44.9, 1],
      [45, 2],
      [59.9, 2],
      [60, 3],
      [79.9, 3],
      [80, 4],
      [89.9, 4],
      [90, 5],
      [100, 5],
    ];
    for (const [score, stars] of cases) expect([score, starsFor(score)]).toEqual([score, stars]);
  });
});

describe('computeLabel', () => {
  it('gives 100 % and 5 stars to clean, recent, fully documented data', () => {
    const label = computeLabel({ results: CLEAN, measures: MEASURES, declared: FULL_DECLARED, now: NOW });
    expect(label.score).toBe(100);
    expect(label.stars).toBe(5);
    expect(label.notAssessed).toEqual([]);
    expect(label.dimensions.map((d) => d.weight)).toEqual(DIMENSIONS.map((d) => d.weight));
  });

  it('says which dimensions rest on data and which on declarations', () => {
    const label = computeLabel({ results: CLEAN, measures: MEASURES, declared: FULL_DECLARED, now: NOW });
    const basis = Object.fromEntries(label.dimensions.map((d) => [d.id, d.basis]));
    expect(basis).toMatchObject({
      accuracy: 'data',
      validity: 'data',
      completeness: 'data',
      compliance: 'declared',
      metadataScope: 'declared',
      provenance: 'data+declared',
      accessibility: 'data+declared',
      representativity: 'data+declared',
    });
    expect(label.declaredOnly).toEqual(['compliance', 'metadataScope']);
    expect(label.measuredFromData).toContain('accuracy');
  });

  it('scores undeclared dimensions 0 and reports them as not assessed', () => {
    const label = computeLabel({ results: CLEAN, measures: MEASURES, declared: {}, now: NOW });
    expect(label.notAssessed).toEqual(['representativity', 'compliance', 'metadataScope']);
    const weightOf = (ids: string[]) =>
      DIMENSIONS.filter((d) => ids.includes(d.id)).reduce((s, d) => s + d.weight, 0);
    expect(label.score).toBeLessThanOrEqual(100 - weightOf(label.notAssessed) + 0.1);
    expect(label.scoreAssessedOnly).toBeGreaterThan(label.score);
    // Representativity has no reference to compare with: only declared bias assessment could count, and it is absent.
    expect(label.dimensions.find((d) => d.id === 'representativity')?.basis).toBe('not assessed');
    expect(label.art78.d_coverage.representativity).toBeNull();
  });

  it('lowers the dimension a failing check belongs to, and only that one', () => {
    const failing = CLEAN.map((r) =>
      r.id === 'measurement.value_as_number.plausibleValueHigh.hba1c'
        ? { ...r, rowsFailed: 900, pctFailed: 90, passed: false }
        : r,
    );
    const clean = computeLabel({ results: CLEAN, measures: MEASURES, declared: FULL_DECLARED, now: NOW });
    const label = computeLabel({ results: failing, measures: MEASURES, declared: FULL_DECLARED, now: NOW });
    const score = (l: typeof label, id: string) => l.dimensions.find((d) => d.id === id)?.score;
    const accuracyChecks = CLEAN.filter((r) => r.dimension === 'accuracy').length;
    expect(score(label, 'accuracy')).toBeCloseTo((accuracyChecks - 1) / accuracyChecks, 4);
    expect(score(label, 'validity')).toBe(1);
    expect(label.score).toBeLessThan(clean.score);
    expect(label.art78.b_technicalQuality.accuracy).toEqual({
      passed: accuracyChecks - 1,
      applicable: accuracyChecks,
    });
  });

  it('leaves not-applicable checks out of the evidence', () => {
    const results = CHECKS.map((c) => toResult(c, c.dimension === 'precision' ? 0 : 10, 0));
    const label = computeLabel({ results, measures: MEASURES, declared: FULL_DECLARED, now: NOW });
    expect(label.dimensions.find((d) => d.id === 'precision')?.basis).toBe('not assessed');
    expect(label.checks.applicable).toBe(CHECKS.filter((c) => c.dimension !== 'precision').length);
  });

  it('reports the Art. 78(3) elements', () => {
    const declared: DeclaredInfo = {
      ...FULL_DECLARED,
      description: { title: 'T' },
      modifications: { links: ['registry X'] },
    };
    const label = computeLabel({ results: CLEAN, measures: MEASURES, declared, now: NOW });
    expect(label.art78.a_documentation.filled).toEqual(['title']);
    expect(label.art78.b_technicalQuality.timeliness.daysSinceLastEvent).toBe(29);
    expect(label.art78.c_qualityManagement).toEqual({ maturityLevel: 4, biasAssessed: true });
    expect(label.art78.d_coverage.period).toEqual({ from: '2010-01-01', to: '2026-06-01', years: 16.4 });
    expect(label.art78.f_modifications.links).toEqual(['registry X']);
  });
});

describe('scoring helpers', () => {
  it('scales recency linearly between full and zero', () => {
    expect(linearDown(10, { full: 30, zero: 130 })).toBe(1);
    expect(linearDown(80, { full: 30, zero: 130 })).toBe(0.5);
    expect(linearDown(500, { full: 30, zero: 130 })).toBe(0);
    expect(linearDown(null, { full: 30, zero: 130 })).toBeNull();
  });

  it('measures similarity of distributions as 1 − total variation distance', () => {
    expect(similarity({ male: 0.5, female: 0.5 }, { male: 0.5, female: 0.5 })).toBe(1);
    expect(similarity({ male: 1, female: 0 }, { male: 0, female: 1 })).toBe(0);
    expect(similarity({ male: 0.6, female: 0.4 }, { male: 0.5, female: 0.5 })).toBeCloseTo(0.9, 10);
    expect(similarity({ male: 0.6 }, undefined)).toBeNull();
  });
});

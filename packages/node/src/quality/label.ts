import { documentationCompletion, type DeclaredInfo } from './declared';
import { KINDS } from './kinds';
import { DIMENSIONS, SCHEME_ID, SCORING, STAR_CUTOFFS, type DimensionSpec } from './scheme';
import type { CheckResult, DataMeasures, Dimension, TechnicalElement } from './types';

/**
 * The data quality and utility label (Art. 78) as a pure function of check results, data measures and
 * declared information. Each dimension lists its components and where each comes from, so the label
 * shows which dimensions are measured from the data and which rest on the holder's declarations.
 */

/** One piece of evidence behind a dimension score. `value` null = not provided / not measurable. */
export interface LabelComponent {
  name: string;
  source: 'data' | 'declared' | 'data+declared';
  value: number | null;
  detail?: string;
}

/** A dimension's score (0–1) and how it was reached. */
export interface DimensionScore {
  id: Dimension;
  name: string;
  group: DimensionSpec['group'];
  weight: number;
  score: number;
  /** What the score actually rests on; 'not assessed' scores 0. */
  basis: 'data' | 'declared' | 'data+declared' | 'not assessed';
  components: LabelComponent[];
}

/** Counts of checks passed per Art. 78(3)(b) technical element. */
export type ElementSummary = Record<TechnicalElement, { passed: number; applicable: number }>;

/** The label. */
export interface QualityLabel {
  scheme: string;
  computedAt: string;
  /** Weighted score 0–100 over all 12 dimensions (unassessed dimensions count 0). */
  score: number;
  stars: number;
  /** The same score over the assessed dimensions only, for transparency; null if none is assessed. */
  scoreAssessedOnly: number | null;
  dimensions: DimensionScore[];
  measuredFromData: Dimension[];
  declaredOnly: Dimension[];
  notAssessed: Dimension[];
  checks: { total: number; applicable: number; passed: number; failed: number };
  /** The label along the elements of Art. 78(3). */
  art78: {
    a_documentation: { score: number | null; filled: string[]; missing: string[] };
    b_technicalQuality: ElementSummary & {
      timeliness: {
        daysSinceLastEvent: number | null;
        daysSinceLastIngest: number | null;
        lastEventDate: string | null;
      };
    };
    c_qualityManagement: { maturityLevel: number | null; biasAssessed: boolean | null };
    d_coverage: {
      period: { from: string | null; to: string | null; years: number };
      persons: number;
      meanYearsInData: number | null;
      representativity: number | null;
    };
    e_access: { collectionToInclusionDays: number | null; deliveryDaysAfterApproval: number | null };
    f_modifications: { merges: string[]; links: string[] };
  };
}

/** Input of `computeLabel`. */
export interface LabelInput {
  results: readonly CheckResult[];
  measures: DataMeasures;
  declared: DeclaredInfo;
  now: Date;
}

/** Number of stars (0–5) for a score (0–100), by QUANTUM's cut-offs. */
export function starsFor(score: number): number {
  return STAR_CUTOFFS.filter((c) => score >= c).length;
}

/** 1 up to `full`, 0 from `zero`, linear between; null stays null. */
export function linearDown(
  value: number | null | undefined,
  { full, zero }: { full: number; zero: number },
): number | null {
  if (value === null || value === undefined) return null;
  if (value <= full) return 1;
  if (value >= zero) return 0;
  return (zero - value) / (zero - full);
}

function capped(value: number | null | undefined, full: number): number | null {
  if (value === null || value === undefined) return null;
  return Math.max(0, Math.min(1, value / full));
}

function bool(v: boolean | undefined): number | null {
  return v === undefined ? null : v ? 1 : 0;
}

/** 1 − total variation distance between two share distributions (1 = identical); null without reference. */
export function similarity(
  data: Record<string, number>,
  reference: Record<string, number> | undefined,
): number | null {
  if (!reference || Object.keys(reference).length === 0) return null;
  const keys = new Set([...Object.keys(data), ...Object.keys(reference)]);
  let tvd = 0;
  for (const k of keys) tvd += Math.abs((data[k] ?? 0) - (reference[k] ?? 0));
  return Math.max(0, 1 - tvd / 2);
}

function checkComponent(results: readonly CheckResult[], dimension: Dimension): LabelComponent {
  const applicable = results.filter((r) => r.dimension === dimension && !r.notApplicable);
  const passed = applicable.filter((r) => r.passed).length;
  return {
    name: 'checks passed',
    source: 'data',
    value: applicable.length ? passed / applicable.length : null,
    detail: `${passed}/${applicable.length} applicable checks passed`,
  };
}

function components(dim: Dimension, input: LabelInput): LabelComponent[] {
  const { results, measures: m, declared: d } = input;
  const checks = checkComponent(results, dim);
  const ref = d.referencePopulation;
  switch (dim) {
    case 'accessibility':
      return [
        {
          name: 'recency of latest event',
          source: 'data',
          value: linearDown(m.daysSinceLastEvent, SCORING.eventRecencyDays),
          detail: `${m.daysSinceLastEvent ?? '–'} days`,
        },
        {
          name: 'recency of latest ingest',
          source: 'data',
          value: linearDown(m.daysSinceLastIngest, SCORING.ingestRecencyDays),
          detail: `${m.daysSinceLastIngest ?? '–'} days`,
        },
        {
          name: 'collection-to-inclusion time',
          source: 'declared',
          value: linearDown(d.access?.collectionToInclusionDays, SCORING.collectionToInclusionDays),
        },
        {
          name: 'delivery time after approval',
          source: 'declared',
          value: linearDown(d.access?.deliveryDaysAfterApproval, SCORING.deliveryDaysAfterApproval),
        },
        {
          name: 'access procedure documented',
          source: 'declared',
          value: bool(d.access?.accessProcedureDocumented),
        },
      ];
    case 'populationCoverage':
      return [
        {
          name: 'population size',
          source: 'data',
          value: m.persons > 0 ? Math.min(1, Math.log10(m.persons) / Math.log10(SCORING.populationFull)) : 0,
          detail: `${m.persons} persons`,
        },
        {
          name: 'time span',
          source: 'data',
          value: capped(m.spanYears, SCORING.spanYearsFull),
          detail: `${m.spanYears.toFixed(1)} years`,
        },
        {
          name: 'time a person stays in the data',
          source: 'data',
          value: capped(m.meanYearsInData, SCORING.yearsInDataFull),
        },
        {
          name: 'share of the target population',
          source: 'data+declared',
          value: ref?.size ? Math.min(1, m.persons / ref.size) : null,
        },
      ];
    case 'representativity':
      return [
        {
          name: 'sex distribution vs reference',
          source: 'data+declared',
          value: similarity(m.sexShares, ref?.sexShares as Record<string, number> | undefined),
        },
        {
          name: 'age distribution vs reference',
          source: 'data+declared',
          value: similarity(m.ageBandShares, ref?.ageBandShares),
        },
        { name: 'bias assessed', source: 'declared', value: bool(d.qualityManagement?.biasAssessed) },
      ];
    case 'compliance':
      return [
        {
          name: 'legal basis documented',
          source: 'declared',
          value: bool(d.compliance?.legalBasisDocumented),
        },
        { name: 'DPIA done', source: 'declared', value: bool(d.compliance?.dpiaDone) },
        { name: 'record of processing', source: 'declared', value: bool(d.compliance?.recordOfProcessing) },
        {
          name: 'standards declared',
          source: 'declared',
          value: d.compliance?.standards ? (d.compliance.standards.length > 0 ? 1 : 0) : null,
        },
      ];
    case 'provenance':
      return [
        { ...checks, name: 'rows traceable to their source (checks passed)' },
        {
          name: 'source systems described',
          source: 'declared',
          value: bool(d.provenance?.sourceSystemsDescribed),
        },
        {
          name: 'collection method described',
          source: 'declared',
          value: bool(d.provenance?.collectionMethodDescribed),
        },
        { name: 'processing described', source: 'declared', value: bool(d.provenance?.processingDescribed) },
      ];
    case 'metadataScope': {
      const doc = documentationCompletion(d.description);
      return [
        {
          name: 'description fields completed',
          source: 'declared',
          value: doc.score,
          detail: `missing: ${doc.missing.join(', ') || 'none'}`,
        },
      ];
    }
    default:
      return [checks];
  }
}

function basisOf(parts: LabelComponent[]): DimensionScore['basis'] {
  const used = parts.filter((c) => c.value !== null);
  if (!used.length) return 'not assessed';
  const data = used.some((c) => c.source !== 'declared');
  const declared = used.some((c) => c.source !== 'data');
  return data && declared ? 'data+declared' : data ? 'data' : 'declared';
}

function elements(results: readonly CheckResult[]): ElementSummary {
  const out = {} as ElementSummary;
  for (const e of ['completeness', 'uniqueness', 'accuracy', 'validity', 'consistency'] as const) {
    const applicable = results.filter((r) => KINDS[r.kind].element === e && !r.notApplicable);
    out[e] = { passed: applicable.filter((r) => r.passed).length, applicable: applicable.length };
  }
  return out;
}

const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Computes the label (pure: no I/O, no clock but `input.now`). */
export function computeLabel(input: LabelInput): QualityLabel {
  const { results, measures: m, declared: d } = input;
  const dimensions: DimensionScore[] = DIMENSIONS.map((spec) => {
    const parts = components(spec.id, input);
    const basis = basisOf(parts);
    // Unprovided components count 0: a label credits only what is measured or declared.
    const score = basis === 'not assessed' ? 0 : parts.reduce((s, c) => s + (c.value ?? 0), 0) / parts.length;
    return {
      id: spec.id,
      name: spec.name,
      group: spec.group,
      weight: spec.weight,
      score: round(score, 4),
      basis,
      components: parts,
    };
  });
  const totalWeight = DIMENSIONS.reduce((s, x) => s + x.weight, 0);
  const score = round((100 * dimensions.reduce((s, x) => s + x.weight * x.score, 0)) / totalWeight);
  const assessed = dimensions.filter((x) => x.basis !== 'not assessed');
  const assessedWeight = assessed.reduce((s, x) => s + x.weight, 0);
  const applicable = results.filter((r) => !r.notApplicable);
  const passed = applicable.filter((r) => r.passed).length;
  const representativity = dimensions.find((x) => x.id === 'representativity');
  return {
    scheme: SCHEME_ID,
    computedAt: input.now.toISOString(),
    score,
    stars: starsFor(score),
    scoreAssessedOnly: assessedWeight
      ? round((100 * assessed.reduce((s, x) => s + x.weight * x.score, 0)) / assessedWeight)
      : null,
    dimensions,
    measuredFromData: dimensions
      .filter((x) => x.basis === 'data' || x.basis === 'data+declared')
      .map((x) => x.id),
    declaredOnly: dimensions.filter((x) => x.basis === 'declared').map((x) => x.id),
    notAssessed: dimensions.filter((x) => x.basis === 'not assessed').map((x) => x.id),
    checks: {
      total: results.length,
      applicable: applicable.length,
      passed,
      failed: applicable.length - passed,
    },
    art78: {
      a_documentation: documentationCompletion(d.description),
      b_technicalQuality: {
        ...elements(results),
        timeliness: {
          daysSinceLastEvent: m.daysSinceLastEvent,
          daysSinceLastIngest: m.daysSinceLastIngest,
          lastEventDate: m.lastEventDate,
        },
      },
      c_qualityManagement: {
        maturityLevel: d.qualityManagement?.maturityLevel ?? null,
        biasAssessed: d.qualityManagement?.biasAssessed ?? null,
      },
      d_coverage: {
        period: { from: m.firstEventDate, to: m.lastEventDate, years: m.spanYears },
        persons: m.persons,
        meanYearsInData: m.meanYearsInData,
        representativity:
          representativity && representativity.basis !== 'not assessed' ? representativity.score : null,
      },
      e_access: {
        collectionToInclusionDays: d.access?.collectionToInclusionDays ?? null,
        deliveryDaysAfterApproval: d.access?.deliveryDaysAfterApproval ?? null,
      },
      f_modifications: { merges: d.modifications?.merges ?? [], links: d.modifications?.links ?? [] },
    },
  };
}

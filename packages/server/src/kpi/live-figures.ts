import {
  countByMonth,
  cumulativeByMonth,
  daysBetween,
  median,
  medianByMonth,
  monthBounds,
  rateByMonth,
  rateOf,
  round1,
  tally,
  type Month,
} from './arithmetic';
import type { KpiFigure } from './figure';

/**
 * The live KPIs (issue 6 §6), computed from plain records the store hands over (live-data.ts), so the
 * counting rules are tested without a database. Series run over the window's months; a count's
 * current value is its total over the window, a duration's the median over the window, a stock's
 * (labelled datasets, opt-outs in force, AI products) its level now.
 */

/** What the live KPIs are computed from. Instants are ISO strings (UTC). */
export interface LiveRecords {
  /** Applications (Art. 67) decided, with their submission (the Art. 68(4) clock starts on a complete file). */
  decisions: { submittedAt: string; decidedAt: string }[];
  /** Permits granted, from decision to the start of data access (extract prepared and period begun). */
  accesses: { decidedAt: string; accessAt: string }[];
  /** First versions of permits (amendments and renewals are not new grants), with their Art. 53 purposes. */
  grants: { grantedAt: string; purposes: string[] }[];
  /** Published datasets, with their health categories and whether they carry a quality label (Art. 78). */
  datasets: { publishedAt: string; categories: string[]; labelled: boolean }[];
  /** Analyses run in secure processing environments (federated across nodes), with kind and status. */
  analyses: { at: string; kind: string; status: string }[];
  /** Code-to-data jobs, with status. */
  jobs: { at: string; status: string }[];
  /** Each output decision: airlock releases and rejections, analyses answered or refused by disclosure control. */
  outputs: { at: string; outcome: 'released' | 'blocked'; source: 'airlock' | 'analysis' }[];
  /** Opt-outs in force (Art. 71) at each month's end (arithmetic `monthEnds`), and now. */
  optOuts: { atMonthEnds: number[]; now: number };
  /** Extracts prepared with the opt-out applied: persons kept and persons excluded. */
  extracts: { at: string; kept: number; excluded: number }[];
  /** AI products built with EHDS data (Art. 59(1)(k)) and their regulatory status (null if not stated). */
  aiProducts: { at: string; status: string | null }[];
  /** Feasibility queries answered before any permit. */
  feasibility: string[];
}

/** The keys of the live KPIs, in dashboard order; manual KPIs may not take them. */
export const LIVE_KPI_KEYS = [
  'applications.days-to-decision',
  'permits.days-to-access',
  'permits.granted',
  'datasets.labelled',
  'analyses.run',
  'jobs.run',
  'outputs.released',
  'outputs.blocked',
  'opt-out.in-force',
  'opt-out.rate',
  'ai-products.reported',
  'feasibility.queries',
] as const;

function windowOf(months: readonly Month[]): { start: number; end: number } {
  return { start: monthBounds(months[0]!).start, end: monthBounds(months[months.length - 1]!).end };
}

/** Computes every live KPI over the window of `months` (oldest first, at least one). */
export function liveFigures(r: LiveRecords, months: readonly Month[]): KpiFigure[] {
  const w = windowOf(months);
  const inWindow = (at: string) => {
    const t = Date.parse(at);
    return t >= w.start && t < w.end;
  };
  const base = { source: 'live' as const, breakdown: [] as KpiFigure['breakdown'] };
  const counted = (
    f: Omit<KpiFigure, 'source' | 'current' | 'currentBasis' | 'series' | 'breakdown'>,
    instants: string[],
    breakdown: KpiFigure['breakdown'] = [],
  ): KpiFigure => {
    const series = countByMonth(instants, months);
    return {
      ...base,
      ...f,
      current: series.reduce((a, s) => a + (s.value ?? 0), 0),
      currentBasis: 'window',
      series,
      breakdown,
    };
  };

  const decided = r.decisions.map((d) => ({
    at: d.decidedAt,
    value: daysBetween(d.submittedAt, d.decidedAt),
  }));
  const accessed = r.accesses.map((a) => ({ at: a.accessAt, value: daysBetween(a.decidedAt, a.accessAt) }));
  const medianIn = (items: { at: string; value: number }[]) => {
    const m = median(items.filter((i) => inWindow(i.at)).map((i) => i.value));
    return m === null ? null : round1(m);
  };

  const grants = r.grants.filter((g) => inWindow(g.grantedAt));
  const labelled = r.datasets.filter((d) => d.labelled);
  const analyses = r.analyses.filter((a) => inWindow(a.at));
  const jobs = r.jobs.filter((j) => inWindow(j.at));
  const released = r.outputs.filter((o) => o.outcome === 'released');
  const blocked = r.outputs.filter((o) => o.outcome === 'blocked');
  const sources = (list: typeof r.outputs) => tally(list.filter((o) => inWindow(o.at)).map((o) => o.source));
  const extracts = r.extracts.map((e) => ({
    at: e.at,
    numerator: e.excluded,
    denominator: e.kept + e.excluded,
  }));
  const aiSeries = countByMonth(
    r.aiProducts.map((p) => p.at),
    months,
  );

  return [
    {
      ...base,
      key: 'applications.days-to-decision',
      title: 'Median days from application to decision',
      unit: 'days',
      direction: 'lower',
      article: 'Art. 59(1)(h), 68(4)',
      definition:
        'Data access applications decided in the month: calendar days from submission to the decision, median. The statutory clock (paused while awaiting information) is shorter.',
      current: medianIn(decided),
      currentBasis: 'window',
      series: medianByMonth(decided, months),
    },
    {
      ...base,
      key: 'permits.days-to-access',
      title: 'Median days from decision to data access',
      unit: 'days',
      direction: 'lower',
      article: 'Art. 59(1)(h), 68(7)',
      definition:
        'Permits whose data became accessible in the month: days from the decision to the later of the first version’s extracts reported prepared by every node that reported one and the start of the permit period, median.',
      current: medianIn(accessed),
      currentBasis: 'window',
      series: medianByMonth(accessed, months),
    },
    counted(
      {
        key: 'permits.granted',
        title: 'Permits granted, by purpose',
        unit: 'count',
        direction: null,
        article: 'Art. 53(1), 59(1)(a)',
        definition:
          'First versions of data permits granted in the month (amendments and renewals are not counted again). The breakdown counts a permit under each of its Art. 53(1) purposes.',
      },
      grants.map((g) => g.grantedAt),
      tally(grants.flatMap((g) => [...new Set(g.purposes)])),
    ),
    {
      ...base,
      key: 'datasets.labelled',
      title: 'Published datasets with a quality label',
      unit: 'count',
      direction: 'higher',
      article: 'Art. 59(1)(i), 78',
      definition:
        'Published datasets carrying a data quality and utility label, by the end of each month (by publication date: the hub keeps the current label, not its history). The breakdown counts a dataset under each of its health data categories (Art. 51).',
      current: labelled.length,
      currentBasis: 'now',
      series: cumulativeByMonth(
        labelled.map((d) => d.publishedAt),
        months,
      ),
      breakdown: tally(labelled.flatMap((d) => [...new Set(d.categories)])),
    },
    counted(
      {
        key: 'analyses.run',
        title: 'Federated analyses run',
        unit: 'count',
        direction: null,
        article: 'Art. 73',
        definition:
          'Analyses (descriptive statistics, tables, models, survival curves) started under a permit in its secure processing environment, across the nodes holding its data. Breakdown by status.',
      },
      analyses.map((a) => a.at),
      tally(analyses.map((a) => a.status)),
    ),
    counted(
      {
        key: 'jobs.run',
        title: 'Code-to-data jobs run',
        unit: 'count',
        direction: null,
        article: 'Art. 73',
        definition: 'Jobs submitted under a permit to run at a node or an AI Factory. Breakdown by status.',
      },
      jobs.map((j) => j.at),
      tally(jobs.map((j) => j.status)),
    ),
    counted(
      {
        key: 'outputs.released',
        title: 'Outputs released',
        unit: 'count',
        direction: null,
        article: 'Art. 73(2)',
        definition:
          'Airlock requests released to the data user, and analyses whose results passed disclosure control, in the month.',
      },
      released.filter((o) => inWindow(o.at)).map((o) => o.at),
      sources(released),
    ),
    counted(
      {
        key: 'outputs.blocked',
        title: 'Outputs blocked',
        unit: 'count',
        direction: null,
        article: 'Art. 73(2)',
        definition:
          'Airlock requests rejected by the output checkers, and analyses refused by disclosure control, in the month.',
      },
      blocked.filter((o) => inWindow(o.at)).map((o) => o.at),
      sources(blocked),
    ),
    {
      ...base,
      key: 'opt-out.in-force',
      title: 'Opt-outs in force',
      unit: 'count',
      direction: null,
      article: 'Art. 71',
      definition: 'Persons opted out of secondary use at the end of each month (reversals subtracted).',
      current: r.optOuts.now,
      currentBasis: 'now',
      series: months.map((month, i) => ({ month, value: r.optOuts.atMonthEnds[i] ?? null })),
    },
    {
      ...base,
      key: 'opt-out.rate',
      title: 'Opt-out rate in permit extracts',
      unit: '%',
      direction: null,
      article: 'Art. 71(3)',
      definition:
        'Persons excluded by an opt-out as a share of the persons selected for permit extracts (kept + excluded), over extracts prepared in the month with the opt-out applied. The hub knows no population total, so the denominator is the persons the nodes selected, counted once per extract.',
      current: rateOf(extracts.filter((e) => inWindow(e.at))),
      currentBasis: 'window',
      series: rateByMonth(extracts, months),
    },
    {
      ...base,
      key: 'ai-products.reported',
      title: 'AI products reported',
      unit: 'count',
      direction: 'higher',
      article: 'Art. 59(1)(k)',
      definition:
        'Products and AI systems reported as built with EHDS data: file results flagged as AI products and AI products registered with their regulatory status. The series counts reports per month; the current value is the total so far.',
      current: r.aiProducts.length,
      currentBasis: 'now',
      series: aiSeries,
      breakdown: tally(r.aiProducts.map((p) => p.status ?? 'not stated')),
    },
    counted(
      {
        key: 'feasibility.queries',
        title: 'Feasibility queries answered',
        unit: 'count',
        direction: null,
        article: null,
        definition: 'Cohort counts asked before any permit, by anonymous and signed-in users.',
      },
      r.feasibility.filter(inWindow),
    ),
  ];
}

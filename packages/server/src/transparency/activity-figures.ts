import { OUTCOMES, PURPOSES } from '@openehds/core';
import { resultsDuty } from './results-due';

/**
 * The Art. 59(1) activity report of the HDAB for a period, computed from plain records (pure, so the
 * counting rules are tested without a store). Files count in the period they were received; decisions,
 * revenue and durations in the period they were decided; results when they were reported.
 */

const DAY_MS = 86_400_000;

/** A case file that was received or decided in the period. */
export interface ActivityFile {
  id: string;
  kind: 'application' | 'request';
  /** The applicant organisation's kind; null for a natural person without one. */
  organisationKind: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  outcome: string | null;
  purposes: string[];
  datasetIds: string[];
  /** Start of access of the first permit version (Art. 68(10)(e)), if one was granted. */
  permitValidFrom: string | null;
  /** Total of the latest fee estimate, if the applicant acknowledged it (Art. 62). */
  acknowledgedFee: number | null;
}

/** A dataset of the catalogue, as far as the report needs it. */
export interface ActivityDataset {
  id: string;
  published: boolean;
  healthCategories: string[];
  /** Quality label stars 0–5 (Art. 78), null when the dataset has no label. */
  stars: number | null;
}

/** A result a data user reported. */
export interface ActivityResult {
  kind: string;
  isAiProduct: boolean;
  reportedAt: string;
}

/** A permit chain or an answered request, with what the results duty needs (Art. 61(4)). */
export interface ActivityResultsDuty {
  latestPermit: { status: string; validUntil: string; activeUntil: string | null } | null;
  answeredAt: string | null;
  resultsReported: number;
}

export interface ActivityInput {
  /** Inclusive calendar days, `YYYY-MM-DD`. */
  from: string;
  to: string;
  generatedAt: Date;
  hdab: { name: string; country: string };
  files: ActivityFile[];
  datasets: ActivityDataset[];
  results: ActivityResult[];
  resultsDuties: ActivityResultsDuty[];
  permitsRevoked: number;
}

/** Average and median of a list of durations in days (one decimal), with how many there were. */
export interface Durations {
  count: number;
  averageDays: number | null;
  medianDays: number | null;
}

/** The Art. 59(1) figures. Each field names its letter. */
export interface ActivityReport {
  period: { from: string; to: string };
  generatedAt: string;
  hdab: { name: string; country: string };
  /** (a) applications and requests received, by type and kind of applicant organisation. */
  received: {
    total: number;
    byKind: Record<'application' | 'request', number>;
    byOrganisationKind: Record<string, Record<'application' | 'request', number>>;
  };
  /** (a) decisions issued, by outcome. */
  decisions: { total: number; byOutcome: Record<string, number> };
  /** (a) purposes of the files received (Art. 53(1)); a file with two purposes counts under both. */
  purposes: Record<string, number>;
  /** (a) data categories of the datasets the files received asked for; a file counts once per category. */
  dataCategories: Record<string, number>;
  /** (b) enforcement measures: permits revoked (Art. 63). */
  enforcement: { permitsRevoked: number };
  /** (g) revenue: acknowledged fee estimates of files granted in the period, by month of decision. */
  revenue: { currency: 'EUR'; total: number; files: number; byMonth: Record<string, number> };
  /** (h) days from submission to decision, and to the start of access under the permit. */
  durations: { toDecision: Durations; toAccess: Durations };
  /** (i) published datasets by quality label level (stars), overall and per data category. */
  qualityLabels: { byStars: Record<string, number>; byCategory: Record<string, Record<string, number>> };
  /** (a), (j), (k) results reported: by kind, publications, AI and other products; overdue duties. */
  results: {
    total: number;
    byKind: Record<string, number>;
    publications: number;
    aiProducts: number;
    products: number;
    /** Permits ended or requests answered over 18 months before the end of the period, without any result. */
    overdue: number;
  };
  /** Letters of Art. 59(1) this hub does not record, said plainly rather than reported as zero. */
  notRecorded: { letter: string; what: string }[];
}

/** Start and end (exclusive) instants of an inclusive day period. */
export function periodBounds(from: string, to: string): { start: number; end: number } {
  return { start: Date.parse(`${from}T00:00:00Z`), end: Date.parse(`${to}T00:00:00Z`) + DAY_MS };
}

function within(at: string | null, b: { start: number; end: number }): boolean {
  if (!at) return false;
  const t = Date.parse(at);
  return t >= b.start && t < b.end;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Average and median, in days to one decimal. */
export function durations(days: number[]): Durations {
  if (days.length === 0) return { count: 0, averageDays: null, medianDays: null };
  const sorted = [...days].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    count: days.length,
    averageDays: round1(days.reduce((a, b) => a + b, 0) / days.length),
    medianDays: round1(median),
  };
}

const bump = (m: Record<string, number>, k: string, by = 1) => {
  m[k] = (m[k] ?? 0) + by;
};
const zeros = (keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;

export const NO_ORGANISATION = 'none';
export const UNKNOWN_CATEGORY = 'unknown';
export const UNLABELLED = 'unlabelled';
export const STAR_LEVELS = ['0', '1', '2', '3', '4', '5', UNLABELLED] as const;

/** Computes the report. */
export function activityFigures(input: ActivityInput): ActivityReport {
  const bounds = periodBounds(input.from, input.to);
  const received = input.files.filter((f) => within(f.submittedAt, bounds));
  const decided = input.files.filter((f) => within(f.decidedAt, bounds) && f.outcome);
  const categoriesOf = new Map(input.datasets.map((d) => [d.id, d.healthCategories]));

  const byOrganisationKind: ActivityReport['received']['byOrganisationKind'] = {};
  const purposes = zeros(PURPOSES);
  const dataCategories: Record<string, number> = {};
  for (const f of received) {
    const k = f.organisationKind ?? NO_ORGANISATION;
    byOrganisationKind[k] ??= { application: 0, request: 0 };
    byOrganisationKind[k][f.kind] += 1;
    for (const p of new Set(f.purposes)) bump(purposes, p);
    const cats = new Set(f.datasetIds.flatMap((id) => categoriesOf.get(id) ?? [UNKNOWN_CATEGORY]));
    for (const c of cats) bump(dataCategories, c);
  }

  const byOutcome = zeros(OUTCOMES);
  for (const f of decided) bump(byOutcome, f.outcome!);

  const granted = decided.filter((f) => f.outcome === 'GRANTED' || f.outcome === 'PARTIALLY_GRANTED');
  const paid = granted.filter((f) => f.acknowledgedFee !== null);
  const byMonth: Record<string, number> = {};
  for (const f of paid) bump(byMonth, f.decidedAt!.slice(0, 7), f.acknowledgedFee!);
  const cents = (n: number) => Math.round(n * 100) / 100;
  for (const m of Object.keys(byMonth)) byMonth[m] = cents(byMonth[m]!);

  const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY_MS;
  const toDecision = decided.filter((f) => f.submittedAt).map((f) => days(f.submittedAt!, f.decidedAt!));
  // Access cannot start before the decision, even when the permit's period was set to begin earlier.
  const toAccess = granted
    .filter((f) => f.submittedAt && f.permitValidFrom)
    .map((f) =>
      days(
        f.submittedAt!,
        new Date(Math.max(Date.parse(f.permitValidFrom!), Date.parse(f.decidedAt!))).toISOString(),
      ),
    );

  const byStars = zeros(STAR_LEVELS);
  const byCategory: Record<string, Record<string, number>> = {};
  for (const d of input.datasets.filter((x) => x.published)) {
    const level = d.stars === null ? UNLABELLED : String(d.stars);
    bump(byStars, level);
    for (const c of d.healthCategories) bump((byCategory[c] ??= zeros(STAR_LEVELS)), level);
  }

  const results = input.results.filter((r) => within(r.reportedAt, bounds));
  const byKind: Record<string, number> = {};
  for (const r of results) bump(byKind, r.kind);
  // The duty is judged at the end of the period (or now, for a period not yet over).
  const asOf = new Date(Math.min(bounds.end, input.generatedAt.getTime()));

  return {
    period: { from: input.from, to: input.to },
    generatedAt: input.generatedAt.toISOString(),
    hdab: input.hdab,
    received: {
      total: received.length,
      byKind: {
        application: received.filter((f) => f.kind === 'application').length,
        request: received.filter((f) => f.kind === 'request').length,
      },
      byOrganisationKind,
    },
    decisions: { total: decided.length, byOutcome },
    purposes,
    dataCategories,
    enforcement: { permitsRevoked: input.permitsRevoked },
    revenue: {
      currency: 'EUR',
      total: cents(paid.reduce((a, f) => a + f.acknowledgedFee!, 0)),
      files: paid.length,
      byMonth,
    },
    durations: { toDecision: durations(toDecision), toAccess: durations(toAccess) },
    qualityLabels: { byStars, byCategory },
    results: {
      total: results.length,
      byKind,
      publications: results.filter((r) => r.kind === 'publication').length,
      aiProducts: results.filter((r) => r.isAiProduct).length,
      products: results.filter((r) => r.kind === 'product' && !r.isAiProduct).length,
      overdue: input.resultsDuties.filter((d) => resultsDuty(d, asOf)?.overdue).length,
    },
    notRecorded: [
      {
        letter: 'b',
        what: 'compliance findings and fines (number and amount); only revocations are counted',
      },
      { letter: 'c', what: 'audits of data users in secure processing environments' },
      { letter: 'd', what: 'internal and third-party audits of secure processing environments' },
      { letter: 'e', what: 'requests of natural persons (data-subject rights)' },
      { letter: 'f', what: 'stakeholder engagement' },
    ],
  };
}

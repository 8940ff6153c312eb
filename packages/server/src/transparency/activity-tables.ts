import { HEALTH_CATEGORIES } from '@openehds/standards';
import {
  NO_ORGANISATION,
  STAR_LEVELS,
  UNKNOWN_CATEGORY,
  UNLABELLED,
  type ActivityReport,
  type Durations,
} from './activity-figures';
import { OUTCOME_LABELS, purposeLabel } from './labels';

/**
 * The Art. 59(1) report as captioned tables, each citing its letter, for the HTML page and the PDF.
 * Pure: one source for both renderings, so they cannot disagree.
 */
export interface ReportTable {
  id: string;
  /** The Art. 59(1) letter the figure answers. */
  letter: string;
  title: string;
  caption: string;
  columns: string[];
  /** The first cell of each row is its header (a `th scope="row"` in HTML). */
  rows: string[][];
  note?: string;
}

const ORGANISATION_KINDS: Record<string, string> = {
  biotech_company: 'Biotech or pharmaceutical company',
  research_organisation: 'Research organisation',
  public_body: 'Public sector body',
  eu_body: 'EU institution or body',
  healthcare_provider: 'Healthcare provider',
  data_holder: 'Data holder',
  patient_organisation: 'Patient organisation',
  ai_factory: 'AI Factory',
  hdab: 'Health data access body',
  [NO_ORGANISATION]: 'No organisation (natural person)',
};

const RESULT_LABELS: Record<string, string> = {
  publication: 'Publication',
  dataset: 'Dataset',
  software: 'Software',
  ai_model: 'AI model',
  product: 'Product',
  other: 'Other',
};

const categoryLabel = (code: string) => {
  if (code === UNKNOWN_CATEGORY) return 'Dataset not in the catalogue';
  const c = (HEALTH_CATEGORIES as Record<string, { article: string; label: string }>)[code];
  return c ? `${c.label} (Art. ${c.article}; ${code})` : code;
};

const starsLabel = (level: string) =>
  level === UNLABELLED ? 'No label' : `${level} star${level === '1' ? '' : 's'}`;

const n = (v: number) => String(v);
const days = (v: number | null) => (v === null ? 'n/a' : v.toFixed(1));
const eur = (v: number) =>
  `€${v.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const durationRow = (label: string, d: Durations) => [
  label,
  n(d.count),
  days(d.averageDays),
  days(d.medianDays),
];

/** The report's tables, in the order of Art. 59(1). */
export function activityTables(r: ActivityReport): ReportTable[] {
  const kinds = Object.keys(r.received.byOrganisationKind).sort();
  const categories = Object.keys(r.dataCategories).sort();
  const labelled = Object.keys(r.qualityLabels.byCategory).sort();
  return [
    {
      id: 'received',
      letter: 'a',
      title: 'Applications and requests received',
      caption:
        'Data access applications (Art. 67) and health data requests (Art. 69) received, by kind of applicant',
      columns: ['Applicant', 'Applications', 'Requests', 'Total'],
      rows: [
        ...kinds.map((k) => {
          const c = r.received.byOrganisationKind[k]!;
          return [ORGANISATION_KINDS[k] ?? k, n(c.application), n(c.request), n(c.application + c.request)];
        }),
        [
          'All applicants',
          n(r.received.byKind.application),
          n(r.received.byKind.request),
          n(r.received.total),
        ],
      ],
    },
    {
      id: 'decisions',
      letter: 'a',
      title: 'Decisions',
      caption: 'Decisions issued in the period, by outcome',
      columns: ['Outcome', 'Decisions'],
      rows: [
        ...Object.entries(r.decisions.byOutcome).map(([o, c]) => [OUTCOME_LABELS[o] ?? o, n(c)]),
        ['All decisions', n(r.decisions.total)],
      ],
    },
    {
      id: 'purposes',
      letter: 'a',
      title: 'Purposes',
      caption: 'Purposes of the files received (Art. 53(1)); a file with several purposes counts under each',
      columns: ['Purpose', 'Files'],
      rows: Object.entries(r.purposes).map(([p, c]) => [purposeLabel(p), n(c)]),
    },
    {
      id: 'data-categories',
      letter: 'a',
      title: 'Categories of data',
      caption:
        'Categories of electronic health data (Art. 51(1)) of the datasets the files received asked for',
      columns: ['Category', 'Files'],
      rows: categories.map((c) => [categoryLabel(c), n(r.dataCategories[c]!)]),
      note: 'From the HealthDCAT-AP descriptions of the requested datasets; a file counts once per category.',
    },
    {
      id: 'results',
      letter: 'a',
      title: 'Results reported',
      caption: 'Results of secondary use reported by data users (Art. 61(4)), by kind',
      columns: ['Kind', 'Results'],
      rows: [
        ...Object.entries(r.results.byKind)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, c]) => [RESULT_LABELS[k] ?? k, n(c)]),
        ['All results', n(r.results.total)],
        ['Results overdue (18 months passed, nothing reported)', n(r.results.overdue)],
      ],
    },
    {
      id: 'enforcement',
      letter: 'b',
      title: 'Enforcement',
      caption: 'Enforcement measures (Art. 63)',
      columns: ['Measure', 'Number'],
      rows: [['Data permits revoked', n(r.enforcement.permitsRevoked)]],
      note: 'Fines and other compliance findings are not recorded by this hub.',
    },
    {
      id: 'revenue',
      letter: 'g',
      title: 'Revenue',
      caption:
        'Fees of the files granted in the period, from the estimates the applicants acknowledged (Art. 62), by month',
      columns: ['Month', 'Revenue (EUR)'],
      rows: [
        ...Object.entries(r.revenue.byMonth)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([m, v]) => [m, eur(v)]),
        [`Total (${r.revenue.files} file${r.revenue.files === 1 ? '' : 's'})`, eur(r.revenue.total)],
      ],
    },
    {
      id: 'durations',
      letter: 'h',
      title: 'Time to decision and to access',
      caption:
        'Days from submission of the application to the decision, and to the start of access under the permit',
      columns: ['Measure', 'Files', 'Average days', 'Median days'],
      rows: [
        durationRow('Submission to decision', r.durations.toDecision),
        durationRow('Submission to access (permit start)', r.durations.toAccess),
      ],
    },
    {
      id: 'quality-labels',
      letter: 'i',
      title: 'Quality and utility labels',
      caption:
        'Published datasets by quality and utility label level (Art. 78), overall and per data category',
      columns: ['Data category', ...STAR_LEVELS.map(starsLabel)],
      rows: [
        ...labelled.map((c) => [
          categoryLabel(c),
          ...STAR_LEVELS.map((l) => n(r.qualityLabels.byCategory[c]![l] ?? 0)),
        ]),
        ['All published datasets', ...STAR_LEVELS.map((l) => n(r.qualityLabels.byStars[l] ?? 0))],
      ],
      note: 'A dataset with several categories counts under each; the last row counts each dataset once.',
    },
    {
      id: 'publications',
      letter: 'j',
      title: 'Publications',
      caption: 'Scientific publications and other publications reported from secondary use',
      columns: ['Kind', 'Number'],
      rows: [['Publications', n(r.results.publications)]],
      note: 'Policy and regulatory uses are not reported separately by data users here.',
    },
    {
      id: 'products',
      letter: 'k',
      title: 'Products and AI',
      caption: 'Products and AI systems developed with electronic health data',
      columns: ['Kind', 'Number'],
      rows: [
        ['AI systems and models', n(r.results.aiProducts)],
        ['Other products', n(r.results.products)],
      ],
    },
  ];
}

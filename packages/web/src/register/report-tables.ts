/**
 * The Art. 59(1) activity report's JSON figures as captioned tables, each citing its letter, in the
 * order of the article (the hub lays out its HTML and PDF versions the same way). Pure.
 */
import { PURPOSE_LETTER, type ActivityReport, type Durations, type Purpose } from '@openehds/client';
import { applicationsText } from '../applications/strings';
import { formatEuro } from '../applications/money';
import { ui } from '../i18n/ui';
import { fmt, formatNumber, nameOf } from '../i18n/format';
import { registerText } from './strings';

const t = registerText.report.tables;

/** One table of the report. */
export interface ReportTable {
  id: string;
  /** The Art. 59(1) letter it answers. */
  letter: string;
  title: string;
  caption: string;
  columns: string[];
  /** The first cell of each row is its header. */
  rows: string[][];
  note?: string;
}

/** The star levels of quality labels, then "no label" (as the hub counts them). */
export const STAR_LEVELS = ['0', '1', '2', '3', '4', '5', 'unlabelled'] as const;

const n = (v: number) => formatNumber(v);
const days = (v: number | null) => (v === null ? t.durations.none : v.toFixed(1));
const durationRow = (label: string, d: Durations) => [
  label,
  n(d.count),
  days(d.averageDays),
  days(d.medianDays),
];

/** A purpose code with its letter of Art. 53(1). */
export function purposeText(code: string): string {
  const p = code as Purpose;
  const name = nameOf(applicationsText.purposes as Record<string, string>, code);
  const letter = PURPOSE_LETTER[p];
  return letter ? `${name} (${fmt(applicationsText.purposeLetter, { letter })})` : name;
}

/** A data category code with its name (`Electronic health records (EHRS)`). */
export function categoryText(code: string): string {
  if (code === 'unknown') return t.categories.unknown;
  return `${nameOf(ui.healthCategories as Record<string, string>, code)} (${code})`;
}

/** A star level in words. */
export function starsText(level: string): string {
  if (level === 'unlabelled') return t.labels.unlabelled;
  return level === '1' ? t.labels.oneStar : fmt(t.labels.stars, { n: level });
}

const byKey = (o: Record<string, number>) => Object.entries(o).sort(([a], [b]) => a.localeCompare(b));

/** The report's tables, in the order of Art. 59(1). */
export function reportTables(r: ActivityReport): ReportTable[] {
  const kinds = Object.keys(r.received.byOrganisationKind).sort();
  const labelled = Object.keys(r.qualityLabels.byCategory).sort();
  const o = registerText.organisationKinds;
  return [
    {
      id: 'received',
      letter: 'a',
      title: t.received.title,
      caption: t.received.caption,
      columns: [...t.received.columns],
      rows: [
        ...kinds.map((k) => {
          const c = r.received.byOrganisationKind[k]!;
          return [nameOf(o, k), n(c.application), n(c.request), n(c.application + c.request)];
        }),
        [t.received.all, n(r.received.byKind.application), n(r.received.byKind.request), n(r.received.total)],
      ],
    },
    {
      id: 'decisions',
      letter: 'a',
      title: t.decisions.title,
      caption: t.decisions.caption,
      columns: [...t.decisions.columns],
      rows: [
        ...Object.entries(r.decisions.byOutcome).map(([k, c]) => [nameOf(registerText.outcomes, k), n(c)]),
        [t.decisions.all, n(r.decisions.total)],
      ],
    },
    {
      id: 'purposes',
      letter: 'a',
      title: t.purposes.title,
      caption: t.purposes.caption,
      columns: [...t.purposes.columns],
      rows: Object.entries(r.purposes).map(([p, c]) => [purposeText(p), n(c)]),
    },
    {
      id: 'data-categories',
      letter: 'a',
      title: t.categories.title,
      caption: t.categories.caption,
      columns: [...t.categories.columns],
      rows: byKey(r.dataCategories).map(([c, v]) => [categoryText(c), n(v)]),
      note: t.categories.note,
    },
    {
      id: 'results',
      letter: 'a',
      title: t.results.title,
      caption: t.results.caption,
      columns: [...t.results.columns],
      rows: [
        ...byKey(r.results.byKind).map(([k, c]) => [nameOf(registerText.results.kinds, k), n(c)]),
        [t.results.all, n(r.results.total)],
        [t.results.overdue, n(r.results.overdue)],
      ],
    },
    {
      id: 'enforcement',
      letter: 'b',
      title: t.enforcement.title,
      caption: t.enforcement.caption,
      columns: [...t.enforcement.columns],
      rows: [[t.enforcement.revoked, n(r.enforcement.permitsRevoked)]],
    },
    {
      id: 'revenue',
      letter: 'g',
      title: t.revenue.title,
      caption: t.revenue.caption,
      columns: [...t.revenue.columns],
      rows: [
        ...byKey(r.revenue.byMonth).map(([m, v]) => [m, formatEuro(v)]),
        [
          r.revenue.files === 1 ? t.revenue.totalOne : fmt(t.revenue.total, { n: r.revenue.files }),
          formatEuro(r.revenue.total),
        ],
      ],
    },
    {
      id: 'durations',
      letter: 'h',
      title: t.durations.title,
      caption: t.durations.caption,
      columns: [...t.durations.columns],
      rows: [
        durationRow(t.durations.toDecision, r.durations.toDecision),
        durationRow(t.durations.toAccess, r.durations.toAccess),
      ],
    },
    {
      id: 'quality-labels',
      letter: 'i',
      title: t.labels.title,
      caption: t.labels.caption,
      columns: [t.labels.category, ...STAR_LEVELS.map(starsText)],
      rows: [
        ...labelled.map((c) => [
          categoryText(c),
          ...STAR_LEVELS.map((l) => n(r.qualityLabels.byCategory[c]![l] ?? 0)),
        ]),
        [t.labels.all, ...STAR_LEVELS.map((l) => n(r.qualityLabels.byStars[l] ?? 0))],
      ],
      note: t.labels.note,
    },
    {
      id: 'publications',
      letter: 'j',
      title: t.publications.title,
      caption: t.publications.caption,
      columns: [...t.publications.columns],
      rows: [[t.publications.publications, n(r.results.publications)]],
    },
    {
      id: 'products',
      letter: 'k',
      title: t.products.title,
      caption: t.products.caption,
      columns: [...t.products.columns],
      rows: [
        [t.products.ai, n(r.results.aiProducts)],
        [t.products.other, n(r.results.products)],
      ],
    },
  ];
}

/**
 * Places validation issues (the browser's or the hub's problem+json `issues`) on the builder's fields:
 * an issue's path in the definition (`inclusion[0].criteria[1].codes.codes[2]`) names the criterion
 * and, below it, the field. Pure, no React.
 */
import type { CriterionDraft } from './draft';

/** An issue as both validators report it. */
export interface PathIssue {
  path?: string;
  message: string;
}

/** The builder fields of a criterion that can carry a message. */
export type CriterionField = Exclude<keyof CriterionDraft, 'key'> | 'self';

/** The definition paths (relative to the criterion) that each field shows. */
const FIELD_PATHS: Partial<Record<CriterionField, string[]>> = {
  self: [''],
  type: ['type'],
  vocabulary: ['codes.vocabulary'],
  codes: ['codes', 'codes.codes'],
  descendants: ['codes.descendants'],
  valueMin: ['value', 'value.min'],
  valueMax: ['value.max'],
  unit: ['unit'],
  windowStart: ['window', 'window.startDays'],
  windowEnd: ['window.endDays'],
  dateFrom: ['dateRange', 'dateRange.from'],
  dateTo: ['dateRange.to'],
  terms: ['terms'],
  status: ['status'],
  ageMin: ['min'],
  ageMax: ['max'],
  ageDate: ['at'],
  sexes: ['values'],
  assembly: ['assembly'],
  gene: ['gene'],
  chrom: ['chrom'],
  pos: ['pos'],
  ref: ['ref'],
  alt: ['alt'],
  zygosity: ['zygosity'],
};

/**
 * `a[0].b` style, with the hub's optional `cohort.` prefix (the request body wraps the definition)
 * and list items (`codes.codes[2]`) folded into their list.
 */
export function normaliseIssuePath(path: string | undefined): string {
  return (path ?? '')
    .replace(/\//g, '.')
    .replace(/^\.+/, '')
    .replace(/\.(\d+)(?=\.|$)/g, '[$1]')
    .replace(/^cohort(\.|$)/, '');
}

/** Path with a trailing list index removed: `codes.codes[2]` → `codes.codes`. */
const withoutItem = (path: string) => path.replace(/\[\d+\]$/, '');

/** The messages for one field of the criterion at `base` (e.g. `inclusion[0].criteria[1]`, `index.event`). */
export function criterionFieldIssues(
  issues: readonly PathIssue[],
  base: string,
  field: CriterionField,
): string[] {
  const wanted = (FIELD_PATHS[field] ?? []).map((p) => (p ? `${base}.${p}` : base));
  return issues
    .filter((i) => {
      const p = normaliseIssuePath(i.path);
      return wanted.includes(p) || (p !== base && wanted.includes(withoutItem(p)));
    })
    .map((i) => i.message);
}

/** The messages at exactly this path (`inclusion[0].match`, `minPriorObservationDays`, '' for the root). */
export function issuesAt(issues: readonly PathIssue[], path: string): string[] {
  return issues.filter((i) => normaliseIssuePath(i.path) === path).map((i) => i.message);
}

/** A readable place for an issue in the summary: `Inclusion group 1 › criterion 2 › codes.codes`. */
export function issuePlace(
  path: string | undefined,
  words: { inclusion: string; exclusion: string; criterion: string; index: string; whole: string },
): string {
  const p = normaliseIssuePath(path);
  if (!p) return words.whole;
  const m = /^(inclusion|exclusion)\[(\d+)\](?:\.criteria\[(\d+)\])?\.?(.*)$/.exec(p);
  if (m) {
    const parts = [`${m[1] === 'inclusion' ? words.inclusion : words.exclusion} ${Number(m[2]) + 1}`];
    if (m[3] !== undefined) parts.push(`${words.criterion} ${Number(m[3]) + 1}`);
    if (m[4]) parts.push(m[4]);
    return parts.join(' › ');
  }
  if (p.startsWith('index'))
    return [words.index, p.replace(/^index\.?(event\.?)?/, '')].filter(Boolean).join(' › ');
  return p;
}

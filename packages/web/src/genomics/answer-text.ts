/**
 * How a node's answer reads in the results table: yes/no, the count with its rounding made visible
 * ("≈ 40", "fewer than 10"), allele counts and frequency. Pure.
 */
import { fmt, formatNumber } from '../i18n/format';
import type { NodeAnswer } from './node-answers';
import { genomicsText as t } from './strings';

/** "Yes", "No", or a dash for a node that did not answer. */
export function foundText(a: Pick<NodeAnswer, 'exists'>): string {
  return a.exists === null ? t.results.none : a.exists ? t.results.yes : t.results.no;
}

/** The count as released. */
export function countText(a: Pick<NodeAnswer, 'count' | 'status'>): string {
  if (a.status !== 'ok') return t.results.none;
  switch (a.count.kind) {
    case 'hidden':
      return t.results.notShown;
    case 'fewerThan':
      return fmt(t.results.fewerThan, { n: formatNumber(a.count.n) });
    case 'rounded':
      return a.count.n === 0 ? '0' : fmt(t.results.about, { n: formatNumber(a.count.n) });
    case 'exact':
      return formatNumber(a.count.n);
  }
}

/** "AC / AN" ("≈" when rounded), or a dash. */
export function allelesText(a: Pick<NodeAnswer, 'frequency'>): string {
  const f = a.frequency;
  if (!f) return t.results.none;
  const pair = `${formatNumber(f.alleleCount)} / ${formatNumber(f.alleleNumber)}`;
  return f.rounded ? fmt(t.results.about, { n: pair }) : pair;
}

/** The allele frequency to four significant digits ("≈" when computed from rounded counts), or a dash. */
export function frequencyText(a: Pick<NodeAnswer, 'frequency'>): string {
  const f = a.frequency;
  if (!f) return t.results.none;
  const af = f.alleleFrequency === 0 ? '0' : String(Number(f.alleleFrequency.toPrecision(4)));
  return f.rounded ? fmt(t.results.about, { n: af }) : af;
}

/** The status, with the node's message when it did not answer. */
export function statusText(a: Pick<NodeAnswer, 'status' | 'message'>): string {
  const label = t.results.statuses[a.status] ?? a.status;
  return a.message && a.status !== 'ok' ? `${label}: ${a.message}` : label;
}

/** One line for screen readers and the eye: how many nodes found a match. */
export function summaryText(answers: readonly Pick<NodeAnswer, 'exists'>[]): string {
  const yes = answers.filter((a) => a.exists).length;
  return yes ? fmt(t.results.summaryYes, { n: yes, total: answers.length }) : t.results.summaryNo;
}

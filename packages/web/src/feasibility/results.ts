/**
 * How a feasibility answer reads on the page: each node's released count, the total, and the note on
 * what this audience may see (the HDAB's policy per audience; issue 4 §1). Pure, no React.
 */
import { fmt, formatNumber } from '../i18n/format';
import { feasibilityText as t } from './strings';
import type { FeasibilityNodeResult, FeasibilityResult } from './types';

/** A node's count as released: a number, "fewer than N", or why there is none. */
export function nodeCountText(node: FeasibilityNodeResult, threshold: number): string {
  if (node.status !== 'ok') return '—';
  if (node.suppressed || node.value === null) return fmt(t.results.fewerThan, { n: formatNumber(threshold) });
  return formatNumber(node.value);
}

/** A node's status, with the node's message when it gave one. */
export function nodeStatusText(node: FeasibilityNodeResult): string {
  const label = t.results.statuses[node.status] ?? node.status;
  return node.message && node.status !== 'ok' ? `${label}: ${node.message}` : label;
}

/** The total: a number, "at least N" when some count was withheld, or "fewer than N" when all were. */
export function totalText(result: FeasibilityResult): string {
  const { total, threshold } = result;
  if (total.value === null) {
    const answered = result.nodes.some((n) => n.status === 'ok');
    return answered ? fmt(t.results.fewerThan, { n: formatNumber(threshold) }) : t.results.notAvailable;
  }
  return total.atLeast ? fmt(t.results.atLeast, { n: formatNumber(total.value) }) : formatNumber(total.value);
}

/** What this audience sees: rounding, threshold, and for anonymous visitors that signing in shows more. */
export function audienceNote(result: Pick<FeasibilityResult, 'audience' | 'roundTo' | 'threshold'>): string {
  const parts = [
    t.results.audience[result.audience] ?? '',
    result.roundTo > 1
      ? fmt(t.results.rounded, { roundTo: formatNumber(result.roundTo) })
      : t.results.unrounded,
    fmt(t.results.threshold, { threshold: formatNumber(result.threshold) }),
  ];
  if (result.audience === 'anonymous') parts.push(t.results.signInForMore);
  return parts.filter(Boolean).join(' ');
}

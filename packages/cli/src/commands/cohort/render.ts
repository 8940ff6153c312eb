import type { FeasibilityAnswer } from '@openehds/client';

/** A released count as people read it: the number, "< k" when suppressed, or why there is none. */
function shown(n: FeasibilityAnswer['nodes'][number], threshold: number): string {
  if (n.status === 'ok') return n.value === null ? `< ${threshold}` : String(n.value);
  return n.status;
}

/**
 * The answer as a table, one node a row, then the total: `≥` when some node's count is missing from
 * the sum (suppressed or not answered), and the rules the numbers were released under.
 */
export function renderFeasibility(a: FeasibilityAnswer): string {
  const header = ['node', 'country', 'datasets', 'count', 'note'];
  const rows = a.nodes.map((n) => [
    n.nodeName,
    n.country,
    n.datasets.join(', '),
    shown(n, a.threshold),
    n.message ?? (n.suppressed ? 'suppressed (below the threshold)' : ''),
  ]);
  const total = a.total.value === null ? 'none released' : `${a.total.atLeast ? '≥ ' : ''}${a.total.value}`;
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...(rows.length ? rows.map(line) : ['(no approved node holds a published dataset)']),
    '',
    `total: ${total}`,
    `released to: ${a.audience}; counts below ${a.threshold} suppressed, rounded to ${a.roundTo}, asked at ${a.askedAt}`,
  ].join('\n');
}

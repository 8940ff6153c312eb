import { latestByMonth, targetMet, type Month } from './arithmetic';
import type { KpiFigure } from './figure';
import type { ManualKpi } from './manual';

/**
 * A manual KPI as a dashboard figure (pure): the series holds the latest value recorded in each month,
 * the current value is the latest recorded at all, judged against the target in the KPI's direction.
 */
export function manualFigure(kpi: ManualKpi, months: readonly Month[]): KpiFigure {
  const latest = kpi.values.reduce<ManualKpi['values'][number] | null>(
    (a, v) => (a === null || v.date > a.date ? v : a),
    null,
  );
  const current = latest?.value ?? null;
  return {
    id: kpi.id,
    key: kpi.key,
    title: kpi.title,
    unit: kpi.unit,
    source: 'manual',
    direction: kpi.direction,
    definition:
      kpi.description ??
      `Recorded by HDAB staff; ${kpi.direction === 'higher' ? 'higher' : 'lower'} is better.`,
    article: null,
    current,
    currentBasis: 'latest',
    series: latestByMonth(kpi.values, months),
    breakdown: [],
    target: kpi.target,
    met: targetMet(current, kpi.target, kpi.direction),
  };
}

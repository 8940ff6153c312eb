import type { Queryable } from '@openehds/db';
import { lastMonths } from './arithmetic';
import type { KpiDashboard } from './figure';
import { liveFigures } from './live-figures';
import { readLiveRecords } from './live-data';
import { listManualKpis } from './manual';
import { manualFigure } from './manual-figure';

/** How many months of trend the dashboard shows unless asked otherwise. */
export const DEFAULT_KPI_MONTHS = 12;

/** Every KPI, live then manual, over the `months` months ending with the month of `now`. */
export async function kpiDashboard(
  db: Queryable,
  options: { months?: number; now?: Date } = {},
): Promise<KpiDashboard> {
  const now = options.now ?? new Date();
  const months = lastMonths(now, options.months ?? DEFAULT_KPI_MONTHS);
  const live = liveFigures(await readLiveRecords(db, months, now), months);
  const manual = (await listManualKpis(db)).map((k) => manualFigure(k, months));
  return { generatedAt: now.toISOString(), months, kpis: [...live, ...manual] };
}

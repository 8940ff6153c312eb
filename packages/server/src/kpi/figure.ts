import type { Direction, Month, MonthValue } from './arithmetic';

/**
 * One KPI as the dashboard, the CSV and the PDF show it: its current value, a monthly series for the
 * trend, an optional breakdown, and for manual KPIs the target and whether it is met.
 */
export interface KpiFigure {
  /** Stable machine name (`applications.days-to-decision`, or a manual KPI's key). */
  key: string;
  title: string;
  /** `days`, `count`, `%`, or a manual KPI's own unit. */
  unit: string;
  source: 'live' | 'manual';
  /** Which way is better; null when neither is (a volume such as analyses run). */
  direction: Direction | null;
  /** How it is computed: what is counted, from which records, and the denominator of a rate. */
  definition: string;
  /** The article it reports on, when there is one (e.g. `Art. 59(1)(h)`). */
  article: string | null;
  /** The current value; null when nothing was measured. */
  current: number | null;
  /** `window`: over the months of the series; `now`: as of now (a stock); `latest`: the latest recorded value. */
  currentBasis: 'window' | 'now' | 'latest';
  series: MonthValue[];
  breakdown: { label: string; value: number }[];
  /** Manual KPIs only. */
  id?: string;
  target?: number | null;
  met?: boolean | null;
}

/** The whole dashboard. */
export interface KpiDashboard {
  generatedAt: string;
  months: Month[];
  kpis: KpiFigure[];
}

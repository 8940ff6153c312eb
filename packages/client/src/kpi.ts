/**
 * The typed client of the hub's KPI monitoring (issue 6 §6; hub `packages/server/src/kpi`): the live
 * and manual KPIs with monthly trends, their CSV and PDF exports, manual KPI upkeep (HDAB staff) and
 * the register of AI products built with EHDS data (Art. 59(1)(k)). Shapes mirror the hub's without
 * importing them (DESIGN.md §2).
 */
import { createHttp, type HttpOptions } from './http';

/** Whether a higher or a lower value is better. */
export type KpiDirection = 'higher' | 'lower';

/** One month of a KPI's series (`YYYY-MM`); null when nothing was measured that month. */
export interface KpiMonthValue {
  month: string;
  value: number | null;
}

/** One KPI of the dashboard. */
export interface KpiFigure {
  key: string;
  title: string;
  /** `days`, `count`, `%`, or a manual KPI's own unit. */
  unit: string;
  source: 'live' | 'manual';
  direction: KpiDirection | null;
  /** How it is computed, including the denominator of a rate. */
  definition: string;
  article: string | null;
  current: number | null;
  /** `window`: over the months shown; `now`: a stock as of now; `latest`: the latest recorded value. */
  currentBasis: 'window' | 'now' | 'latest';
  series: KpiMonthValue[];
  breakdown: { label: string; value: number }[];
  /** Manual KPIs only. */
  id?: string;
  target?: number | null;
  met?: boolean | null;
}

/** The dashboard: every KPI over the months of the window, oldest first. */
export interface KpiDashboard {
  generatedAt: string;
  months: string[];
  kpis: KpiFigure[];
}

/** A manual KPI with every recorded value. */
export interface ManualKpi {
  id: string;
  key: string;
  title: string;
  unit: string;
  description: string | null;
  target: number | null;
  direction: KpiDirection;
  values: { date: string; value: number; note: string | null }[];
  updatedAt: string;
}

/** What creating a manual KPI takes. */
export interface ManualKpiInput {
  key: string;
  title: string;
  unit: string;
  description?: string | null;
  target?: number | null;
  direction: KpiDirection;
}

/** The regulatory statuses of an AI product (AI Act; MDR/IVDR for medical device software). */
export const AI_PRODUCT_STATUSES = [
  'research_use',
  'in_development',
  'conformity_assessment',
  'ce_marked',
  'on_market',
  'withdrawn',
] as const;

/** A regulatory status. */
export type AiProductStatus = (typeof AI_PRODUCT_STATUSES)[number];

/** A reported AI product. */
export interface AiProduct {
  id: string;
  name: string;
  organisation: string;
  permitId: string | null;
  resultId: string | null;
  reportedOn: string;
  regulatoryStatus: AiProductStatus;
  reportedBy: string | null;
}

/** What reporting an AI product takes. */
export interface AiProductInput {
  name: string;
  organisation: string;
  permitId?: string | null;
  resultId?: string | null;
  reportedOn: string;
  regulatoryStatus: AiProductStatus;
}

/** The query string of a window of `months` months (default: the hub's, 12). */
export function kpiQuery(months?: number): string {
  return months === undefined ? '' : `?months=${encodeURIComponent(String(months))}`;
}

/** The CSV export's path (for a download link). */
export const kpiCsvPath = (months?: number) => `/api/kpi/export.csv${kpiQuery(months)}`;
/** The PDF report's path (for a download link). */
export const kpiPdfPath = (months?: number) => `/api/kpi/report.pdf${kpiQuery(months)}`;

/** KPI calls to the hub. */
export interface KpiClient {
  dashboard(options?: { months?: number; signal?: AbortSignal }): Promise<KpiDashboard>;
  csv(options?: { months?: number }): Promise<string>;
  manual(): Promise<ManualKpi[]>;
  createManual(input: ManualKpiInput): Promise<ManualKpi>;
  updateManual(id: string, patch: Partial<Omit<ManualKpiInput, 'key'>>): Promise<ManualKpi>;
  deleteManual(id: string): Promise<void>;
  /** Records (or replaces) the value of a date `YYYY-MM-DD`. */
  recordValue(id: string, date: string, input: { value: number; note?: string | null }): Promise<ManualKpi>;
  deleteValue(id: string, date: string): Promise<ManualKpi>;
  aiProducts(): Promise<AiProduct[]>;
  reportAiProduct(input: AiProductInput): Promise<AiProduct>;
}

/** Creates the KPI client (same options as `createHubClient`). */
export function createKpiClient(options: HttpOptions): KpiClient {
  const send = createHttp(options);
  const manualPath = (id: string) => `/api/kpi/manual/${encodeURIComponent(id)}`;
  return {
    dashboard: (o = {}) =>
      send<KpiDashboard>({
        method: 'GET',
        path: `/api/kpi${kpiQuery(o.months)}`,
        ...(o.signal ? { signal: o.signal } : {}),
      }),
    csv: (o = {}) =>
      send<string>({ method: 'GET', path: kpiCsvPath(o.months), accept: 'text/csv', responseType: 'text' }),
    manual: async () =>
      (await send<{ items: ManualKpi[] }>({ method: 'GET', path: '/api/kpi/manual' })).items,
    createManual: (input) => send<ManualKpi>({ method: 'POST', path: '/api/kpi/manual', json: input }),
    updateManual: (id, patch) => send<ManualKpi>({ method: 'PUT', path: manualPath(id), json: patch }),
    deleteManual: async (id) => {
      await send<unknown>({ method: 'DELETE', path: manualPath(id) });
    },
    recordValue: (id, date, input) =>
      send<ManualKpi>({
        method: 'PUT',
        path: `${manualPath(id)}/values/${encodeURIComponent(date)}`,
        json: input,
      }),
    deleteValue: (id, date) =>
      send<ManualKpi>({ method: 'DELETE', path: `${manualPath(id)}/values/${encodeURIComponent(date)}` }),
    aiProducts: async () =>
      (await send<{ items: AiProduct[] }>({ method: 'GET', path: '/api/kpi/ai-products' })).items,
    reportAiProduct: (input) =>
      send<AiProduct>({ method: 'POST', path: '/api/kpi/ai-products', json: input }),
  };
}

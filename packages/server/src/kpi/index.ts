// KPI monitoring (issue 6 §6): public API of the feature, by name (DESIGN.md §4).
export { kpiRoutes } from './routes';
export { kpiDashboard, DEFAULT_KPI_MONTHS } from './service';
export { seedKpiDemo } from './seed';
export type { KpiDashboard, KpiFigure } from './figure';
export { REGULATORY_STATUSES } from './ai-products';
export type { AiProduct, RegulatoryStatus } from './ai-products';

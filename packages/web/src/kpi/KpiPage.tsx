import { useId, useState } from 'react';
import { kpiCsvPath, kpiPdfPath, type KpiDashboard } from '@openehds/client';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { kpiApi } from './api';
import { KpiCard } from './KpiCard';
import { CreateKpiForm, RecordValueForm } from './ManualKpiForms';
import { kpiText as t } from './strings';
import './kpi.css';

/** Windows the dashboard offers, in months. */
export const KPI_WINDOWS = [6, 12, 24, 36] as const;
/** Roles that keep manual KPIs (the hub allows only them to write). */
export const KPI_EDITORS = ['hdab_staff', 'admin'] as const;

/** The dashboard's body for a loaded dashboard (exported for tests: the page without its loading). */
export function KpiDashboardView({
  dashboard,
  months,
  canEdit,
  onSaved,
}: {
  dashboard: KpiDashboard;
  months: number;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const live = dashboard.kpis.filter((k) => k.source === 'live');
  const manual = dashboard.kpis.filter((k) => k.source === 'manual');
  return (
    <>
      <section aria-labelledby="kpi-downloads">
        <h2 id="kpi-downloads" className="visually-hidden">
          {t.downloads}
        </h2>
        <p className="kpi-toolbar">
          <a href={kpiCsvPath(months)} download data-testid="kpi-csv">
            {t.csv}
          </a>
          <a href={kpiPdfPath(months)} download data-testid="kpi-pdf">
            {t.pdf}
          </a>
        </p>
      </section>
      <section aria-labelledby="kpi-live">
        <h2 id="kpi-live">{t.live}</h2>
        <div className="kpi-grid" data-testid="kpi-live">
          {live.map((k) => (
            <KpiCard key={k.key} kpi={k} />
          ))}
        </div>
      </section>
      <section aria-labelledby="kpi-manual">
        <h2 id="kpi-manual">{t.manual}</h2>
        {manual.length === 0 ? (
          <p data-testid="kpi-manual-empty">{t.noManual}</p>
        ) : (
          <div className="kpi-grid" data-testid="kpi-manual-list">
            {manual.map((k) => (
              <KpiCard key={k.key} kpi={k} />
            ))}
          </div>
        )}
        {canEdit && (
          <div className="kpi-forms">
            <CreateKpiForm onSaved={onSaved} />
            {manual.length > 0 && <RecordValueForm kpis={manual} onSaved={onSaved} />}
          </div>
        )}
      </section>
    </>
  );
}

/** /kpi: every KPI of the platform with trends, downloads, and manual KPI upkeep for staff (issue 6 §6). */
export function KpiPage() {
  useTitle(t.title);
  const { principal } = useAuth();
  const [months, setMonths] = useState<number>(12);
  const selectId = useId();
  const q = useAsync((signal) => kpiApi.dashboard({ months, signal }), [months]);
  const canEdit = principal !== null && (KPI_EDITORS as readonly string[]).includes(principal.role);
  return (
    <>
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <div className="field inline">
        <label htmlFor={selectId}>{t.window}</label>
        <select
          id={selectId}
          value={months}
          data-testid="kpi-months"
          onChange={(e) => setMonths(Number(e.target.value))}
        >
          {KPI_WINDOWS.map((n) => (
            <option key={n} value={n}>
              {fmt(t.windowOption, { n })}
            </option>
          ))}
        </select>
      </div>
      {q.loading && !q.data && <Loading />}
      {q.error !== undefined && <ErrorBox error={q.error} onRetry={q.reload} />}
      {q.data && <KpiDashboardView dashboard={q.data} months={months} canEdit={canEdit} onSaved={q.reload} />}
    </>
  );
}

import { useId, useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../i18n/format';
import { useAsync } from '../lib/use-async';
import { workspaceApi } from './api';
import { requestSummary } from './glm-result';
import { AnalysisResultView } from './AnalysisResultView';
import { workspaceText as t } from './strings';
import type { AnalysisRun } from './types';

/** One analysis in full (lists carry summaries), loaded when opened unless it already has its result. */
function OpenAnalysis({ permitId, summary }: { permitId: string; summary: AnalysisRun }) {
  const full = summary.sdc !== undefined;
  const loaded = useAsync(
    (signal) => (full ? Promise.resolve(summary) : workspaceApi.analysis(permitId, summary.id, signal)),
    [permitId, summary.id, full],
  );
  if (loaded.error != null) return <ErrorBox error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  return <AnalysisResultView run={loaded.data} />;
}

/** The analyses run under the permit, newest first; any one's result can be opened below the list. */
export function AnalysesSection({ permitId, analyses }: { permitId: string; analyses: AnalysisRun[] }) {
  const id = useId();
  const [open, setOpen] = useState<string | null>(null);
  const shown = analyses.find((a) => a.id === open);
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="workspace-analyses">
      <h2 id={`${id}-title`}>{t.analyses.title}</h2>
      {analyses.length === 0 ? (
        <p>{t.analyses.none}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t.analyses.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.analyses.kind}</th>
                <th scope="col">{t.analyses.what}</th>
                <th scope="col">{t.analyses.status}</th>
                <th scope="col">{t.analyses.at}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.analyses.show}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {analyses.map((a) => (
                <tr key={a.id} data-testid={`workspace-analysis-${a.id}`} data-status={a.status}>
                  <th scope="row">{a.kind}</th>
                  <td>{a.request ? <code>{requestSummary(a.request)}</code> : '—'}</td>
                  <td>
                    {t.analyses.statuses[a.status] ?? a.status}
                    {typeof a.error === 'string' && a.error && <div className="muted small">{a.error}</div>}
                  </td>
                  <td className="nowrap">{formatDateTime(a.createdAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="button secondary small"
                      aria-expanded={open === a.id}
                      onClick={() => setOpen(open === a.id ? null : a.id)}
                    >
                      {t.analyses.show}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown && <OpenAnalysis key={shown.id} permitId={permitId} summary={shown} />}
    </section>
  );
}

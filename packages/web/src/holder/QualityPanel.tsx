import { useId, useState } from 'react';
import { TimeChart } from '../charts/TimeChart';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { QualityBadge } from '../components/QualityBadge';
import { ui } from '../i18n/ui';
import { fmt, formatDate, formatDateTime, formatNumber, nameOf } from '../i18n/format';
import { useAsync } from '../lib/use-async';
import type { NodeAccess } from './HolderPage';
import { DimensionsTable } from '../components/DimensionsTable';

/** The node's quality label, its checks (filterable to the failed ones) and the score over time. */
export function QualityPanel({ access, version }: { access: NodeAccess; version: number }) {
  const id = useId();
  const quality = useAsync(async () => (await access()).client.quality(), [access, version]);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<unknown>(null);
  const [onlyFailed, setOnlyFailed] = useState(true);

  async function run() {
    setRunning(true);
    setRunError(null);
    try {
      quality.setData(await (await access()).client.runQuality());
    } catch (err) {
      setRunError(err);
    } finally {
      setRunning(false);
    }
  }

  const q = quality.data;
  const checks = q ? (onlyFailed ? q.checks.filter((c) => !c.passed) : q.checks) : [];
  const notApplicable = q ? q.checks.filter((c) => c.notApplicable).length : 0;
  // Several runs on one day would all read the same date: label them by month, day and time instead.
  const sameDayRuns = q ? new Set(q.trend.map((t) => formatDate(t.ranAt))).size < q.trend.length : false;
  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={quality.loading || running}>
      <div className="section-head">
        <h3 id={`${id}-title`}>{ui.holder.quality}</h3>
        <button type="button" className="button secondary" onClick={() => void run()} disabled={running}>
          {running ? ui.holder.running : ui.holder.runChecks}
        </button>
      </div>
      {quality.loading && !q && <Loading />}
      {quality.error != null && <ErrorBox error={quality.error} onRetry={quality.reload} />}
      {runError != null && <ErrorBox error={runError} />}
      {q && (
        <>
          <p>
            <QualityBadge quality={q.label} size="large" />
          </p>
          <p data-testid="quality-summary">
            {fmt(ui.holder.checksSummary, {
              passed: formatNumber(q.label.checks.passed),
              applicable: formatNumber(q.label.checks.applicable),
              failed: formatNumber(q.label.checks.failed),
              na: formatNumber(notApplicable),
              at: formatDateTime(q.ranAt),
            })}
          </p>
          <DimensionsTable
            summary={ui.holder.dimensionsTitle}
            rows={q.label.dimensions.map((d) => ({
              ...d,
              score: d.basis === 'not assessed' ? null : d.score * 100,
              source: nameOf(ui.holder.basis, d.basis),
            }))}
          />
          <div className="field checkbox">
            <input
              id={`${id}-failed`}
              type="checkbox"
              checked={onlyFailed}
              onChange={(e) => setOnlyFailed(e.target.checked)}
            />
            <label htmlFor={`${id}-failed`}>{ui.holder.onlyFailed}</label>
          </div>
          <div className="table-wrap scroll">
            <table data-testid="quality-checks">
              <thead>
                <tr>
                  <th scope="col">{ui.dataset.check}</th>
                  <th scope="col">{ui.holder.where}</th>
                  <th scope="col" className="num">
                    {ui.dataset.rowsFailed}
                  </th>
                  <th scope="col" className="num">
                    {ui.dataset.rowsChecked}
                  </th>
                  <th scope="col" className="num">
                    {ui.dataset.pctFailed}
                  </th>
                  <th scope="col" className="num">
                    {ui.dataset.threshold}
                  </th>
                  <th scope="col">{ui.holder.result}</th>
                </tr>
              </thead>
              <tbody>
                {checks.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      {c.description}
                      <br />
                      <span className="muted small">
                        {c.category} · {c.dimension}
                      </span>
                    </th>
                    <td>
                      <code title={c.id}>{c.field ? `${c.table}.${c.field}` : c.table}</code>
                    </td>
                    <td className="num">{formatNumber(c.rowsFailed)}</td>
                    <td className="num">{formatNumber(c.rowsChecked)}</td>
                    <td className="num">{c.pctFailed.toFixed(2)}</td>
                    <td className="num">{c.threshold}</td>
                    <td className={c.notApplicable ? 'muted' : c.passed ? 'ok' : 'bad'}>
                      {c.notApplicable
                        ? ui.holder.notApplicable
                        : c.passed
                          ? ui.holder.passed
                          : ui.holder.failed}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {q.trend.length > 0 && (
            <TimeChart
              title={ui.holder.trend}
              kind="line"
              max={100}
              periodLabel={ui.admin.at}
              valueLabel={ui.dataset.score}
              data={q.trend.map((t) => ({
                label: sameDayRuns ? formatDateTime(t.ranAt).slice(5, 16) : formatDate(t.ranAt),
                value: t.score,
                display: `${Math.round(t.score)} (${t.stars}★)`,
              }))}
            />
          )}
        </>
      )}
    </section>
  );
}

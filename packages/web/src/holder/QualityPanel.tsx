import { useId, useState } from 'react';
import { TimeChart } from '../charts/TimeChart';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { QualityBadge } from '../components/QualityBadge';
import { en } from '../i18n/en';
import { formatDate, formatNumber } from '../i18n/format';
import { useAsync } from '../lib/use-async';
import type { NodeAccess } from './HolderPage';

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
  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={quality.loading || running}>
      <div className="section-head">
        <h3 id={`${id}-title`}>{en.holder.quality}</h3>
        <button type="button" className="button secondary" onClick={() => void run()} disabled={running}>
          {running ? en.holder.running : en.holder.runChecks}
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
          <p>
            {en.holder.checks}: {formatNumber(q.checks.filter((c) => c.passed).length)}{' '}
            {en.holder.passed.toLowerCase()}, {formatNumber(q.checks.filter((c) => !c.passed).length)}{' '}
            {en.holder.failed.toLowerCase()}
          </p>
          <div className="field checkbox">
            <input
              id={`${id}-failed`}
              type="checkbox"
              checked={onlyFailed}
              onChange={(e) => setOnlyFailed(e.target.checked)}
            />
            <label htmlFor={`${id}-failed`}>{en.holder.onlyFailed}</label>
          </div>
          <div className="table-wrap scroll">
            <table data-testid="quality-checks">
              <thead>
                <tr>
                  <th scope="col">{en.dataset.check}</th>
                  <th scope="col">{en.dataset.category}</th>
                  <th scope="col">{en.dataset.dimension}</th>
                  <th scope="col">{en.dataset.table}</th>
                  <th scope="col">{en.dataset.field}</th>
                  <th scope="col" className="num">
                    {en.dataset.rowsFailed}
                  </th>
                  <th scope="col" className="num">
                    {en.dataset.rowsChecked}
                  </th>
                  <th scope="col" className="num">
                    {en.dataset.pctFailed}
                  </th>
                  <th scope="col" className="num">
                    {en.dataset.threshold}
                  </th>
                  <th scope="col">{en.holder.result}</th>
                </tr>
              </thead>
              <tbody>
                {checks.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      {c.description}
                      <br />
                      <code className="muted">{c.id}</code>
                    </th>
                    <td>{c.category}</td>
                    <td>{c.dimension}</td>
                    <td>
                      <code>{c.table}</code>
                    </td>
                    <td>{c.field ? <code>{c.field}</code> : '–'}</td>
                    <td className="num">{formatNumber(c.rowsFailed)}</td>
                    <td className="num">{formatNumber(c.rowsChecked)}</td>
                    <td className="num">{c.pctFailed.toFixed(2)}</td>
                    <td className="num">{c.threshold}</td>
                    <td className={c.passed ? 'ok' : 'bad'}>
                      {c.passed ? en.holder.passed : en.holder.failed}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {q.trend.length > 0 && (
            <TimeChart
              title={en.holder.trend}
              kind="line"
              max={100}
              periodLabel={en.admin.at}
              valueLabel={en.dataset.score}
              data={q.trend.map((t) => ({
                label: formatDate(t.ranAt),
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

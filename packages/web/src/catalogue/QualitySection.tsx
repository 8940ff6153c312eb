import type { DatasetQuality } from '@openehds/client';
import { QualityBadge } from '../components/QualityBadge';
import { ui } from '../i18n/ui';
import { fmt, formatDateTime, formatNumber } from '../i18n/format';
import { DimensionsTable } from '../components/DimensionsTable';

/** The dataset's quality label with drill-down to its dimensions and every failed check (Art. 78). */
export function QualitySection({ quality }: { quality: DatasetQuality | null }) {
  return (
    <section aria-labelledby="quality-title" className="card">
      <h2 id="quality-title">{ui.dataset.quality}</h2>
      {!quality ? (
        <p>{ui.dataset.qualityNone}</p>
      ) : (
        <>
          <p>
            <QualityBadge quality={quality} size="large" />
          </p>
          <p>
            {fmt(ui.dataset.checksSummary, {
              passed: formatNumber(quality.checks.passed),
              total: formatNumber(quality.checks.total),
              failed: formatNumber(quality.checks.failed),
              at: formatDateTime(quality.ranAt),
            })}
          </p>
          <DimensionsTable
            summary={ui.dataset.dimensions}
            rows={quality.dimensions.map((d) => ({ ...d, source: ui.dataset.sources[d.source] ?? d.source }))}
          />
          {quality.failedChecks.length > 0 && (
            <details data-testid="failed-checks">
              <summary>{fmt(ui.dataset.showFailed, { n: quality.failedChecks.length })}</summary>
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">{ui.dataset.failedChecks}</caption>
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
                    </tr>
                  </thead>
                  <tbody>
                    {quality.failedChecks.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">
                          {c.description}
                          <br />
                          <span className="muted small">{c.category}</span>
                        </th>
                        <td>
                          <code title={c.id}>{c.field ? `${c.table}.${c.field}` : c.table}</code>
                        </td>
                        <td className="num">{formatNumber(c.rowsFailed)}</td>
                        <td className="num">{formatNumber(c.rowsChecked)}</td>
                        <td className="num">{c.pctFailed.toFixed(2)}</td>
                        <td className="num">{c.threshold}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
        </>
      )}
    </section>
  );
}

import type { IngestReport } from '@openehds/client';
import { ui } from '../i18n/ui';
import { fmt, formatNumber } from '../i18n/format';

/** The ingest report: counts per record type and every rejected record with file, line and reason. */
export function IngestReportView({ file, report }: { file: string; report: IngestReport }) {
  const types = Object.entries(report.byType);
  const skippedReasons = Object.entries(report.skippedReasons ?? {});
  const repeated = (report.files ?? []).filter((f) => f.skipped);
  return (
    <div className="report" data-testid="upload-report">
      <h4>{fmt(ui.holder.report, { file })}</h4>
      {/* A file seen before reads nothing; the note below says so, so the zero counts are left out. */}
      {(report.read > 0 || repeated.length === 0) && (
        <p
          className={report.rejected > 0 ? 'alert alert-error' : 'alert alert-ok'}
          data-testid="upload-summary"
        >
          {fmt(ui.holder.reportSummary, {
            read: formatNumber(report.read),
            loaded: formatNumber(report.loaded),
            rejected: formatNumber(report.rejected),
            skipped: formatNumber(report.skipped ?? 0),
          })}
        </p>
      )}
      {types.length > 0 && (
        <details>
          <summary>{ui.holder.byType}</summary>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{ui.holder.type}</th>
                  <th scope="col" className="num">
                    {ui.holder.read}
                  </th>
                  <th scope="col" className="num">
                    {ui.holder.loaded}
                  </th>
                  <th scope="col" className="num">
                    {ui.holder.rejected}
                  </th>
                  <th scope="col" className="num">
                    {ui.holder.skipped}
                  </th>
                </tr>
              </thead>
              <tbody>
                {types.map(([type, c]) => (
                  <tr key={type}>
                    <th scope="row">{type}</th>
                    <td className="num">{formatNumber(c.read)}</td>
                    <td className="num">{formatNumber(c.loaded)}</td>
                    <td className={`num ${c.rejected > 0 ? 'bad' : ''}`}>{formatNumber(c.rejected)}</td>
                    <td className="num">{formatNumber(c.skipped ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{ui.holder.total}</th>
                  <td className="num">{formatNumber(report.read)}</td>
                  <td className="num">{formatNumber(report.loaded)}</td>
                  <td className={`num ${report.rejected > 0 ? 'bad' : ''}`}>
                    {formatNumber(report.rejected)}
                  </td>
                  <td className="num">{formatNumber(report.skipped ?? 0)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </details>
      )}
      {repeated.map((f) => (
        <p key={f.sha256} className="alert alert-info">
          {fmt(ui.holder.alreadyIngested, { file: f.path.split('/').pop() ?? f.path })}
        </p>
      ))}
      {skippedReasons.length > 0 && (
        <p className="muted">
          {ui.holder.skippedWhy}: {skippedReasons.map(([why, n]) => `${why} (${formatNumber(n)})`).join('; ')}
        </p>
      )}
      {report.errors.length > 0 && (
        <details open={report.errors.length <= 20}>
          <summary>
            {ui.holder.rejectedRecords} ({formatNumber(report.errors.length)})
          </summary>
          <div className="table-wrap scroll">
            <table data-testid="upload-rejections">
              <thead>
                <tr>
                  <th scope="col">{ui.holder.file}</th>
                  <th scope="col" className="num">
                    {ui.holder.line}
                  </th>
                  <th scope="col">{ui.holder.reason}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e, i) => (
                  <tr key={i}>
                    <td>
                      {/* The node names the file by its temporary upload path; the name is what the holder knows. */}
                      <code title={e.file}>{e.file.split('/').pop()}</code>
                    </td>
                    <td className="num">{e.line}</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {(report.errorsOmitted ?? 0) > 0 && (
            <p className="muted">
              {fmt(ui.holder.errorsOmitted, { n: formatNumber(report.errorsOmitted ?? 0) })}
            </p>
          )}
        </details>
      )}
    </div>
  );
}

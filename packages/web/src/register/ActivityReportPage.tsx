import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { activityReportUrl, type ActivityReport } from '@openehds/client';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox } from '../components/ErrorBox';
import { FieldErrors } from '../components/fields';
import { Loading } from '../components/Loading';
import { fmt, formatDateTime } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { registerApi } from './api';
import { checkPeriod, lastTwoYears, lastYear, yearToDate, type Period } from './period';
import { reportTables, type ReportTable } from './report-tables';
import { registerText } from './strings';

const t = registerText.report;

/**
 * The Art. 59(1) activity report for a period the user picks: the hub's JSON figures as captioned
 * tables, each citing its letter, and links to the hub's HTML page and PDF of the same report. The
 * period lives in the address, so a report can be bookmarked and shared with colleagues.
 */
export function ActivityReportPage() {
  useTitle(t.title);
  const id = useId();
  const { principal } = useAuth();
  const [params, setParams] = useSearchParams();
  const period = checkPeriod(params.get('from') ?? '', params.get('to') ?? '');
  const initial = period ?? lastTwoYears(new Date());
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [invalid, setInvalid] = useState(false);
  const report = useAsync(
    (signal) => (period ? registerApi.activityReport(period.from, period.to, signal) : Promise.resolve(null)),
    [period?.from, period?.to],
  );

  function show(p: Period | null) {
    setInvalid(!p);
    if (!p) return;
    setFrom(p.from);
    setTo(p.to);
    setParams({ from: p.from, to: p.to });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    show(checkPeriod(from, to));
  }

  const now = new Date();
  return (
    <>
      {principal?.role === 'hdab_staff' && (
        <p>
          <Link to="/backoffice">← {t.back}</Link>
        </p>
      )}
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <form onSubmit={submit} className="card form" noValidate aria-labelledby={`${id}-period`}>
        <fieldset className={invalid ? 'has-error' : undefined}>
          <legend id={`${id}-period`}>{t.period}</legend>
          <div className="two-col">
            <div className="field">
              <label htmlFor={`${id}-from`}>{t.from}</label>
              <input
                id={`${id}-from`}
                type="date"
                value={from}
                required
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? `${id}-err` : undefined}
                onChange={(e) => setFrom(e.target.value)}
                data-testid="report-from"
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>{t.to}</label>
              <input
                id={`${id}-to`}
                type="date"
                value={to}
                required
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? `${id}-err` : undefined}
                onChange={(e) => setTo(e.target.value)}
                data-testid="report-to"
              />
            </div>
          </div>
          <FieldErrors id={`${id}-err`} errors={invalid ? [t.periodInvalid] : undefined} />
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" data-testid="report-show">
            {t.show}
          </button>
        </div>
        <div className="actions" role="group" aria-label={t.presets}>
          <button type="button" className="button secondary small" onClick={() => show(lastYear(now))}>
            {t.lastYear}
          </button>
          <button type="button" className="button secondary small" onClick={() => show(lastTwoYears(now))}>
            {t.lastTwoYears}
          </button>
          <button type="button" className="button secondary small" onClick={() => show(yearToDate(now))}>
            {t.yearToDate}
          </button>
        </div>
      </form>
      {!period && <p>{t.choose}</p>}
      {report.loading && period && <Loading />}
      {report.error != null && <ErrorBox error={report.error} onRetry={report.reload} />}
      {report.data && period && !report.loading && <Report report={report.data} period={period} />}
    </>
  );
}

function Report({ report, period }: { report: ActivityReport; period: Period }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} data-testid="activity-report">
      <h2 id={`${id}-title`}>
        {report.hdab.name}: {period.from} – {period.to}
      </h2>
      <p className="muted">
        {fmt(t.generated, {
          at: formatDateTime(report.generatedAt),
          hdab: report.hdab.name,
          from: report.period.from,
          to: report.period.to,
        })}
      </p>
      <nav aria-label={t.downloads} className="actions">
        <a
          className="button secondary"
          href={activityReportUrl(period.from, period.to, 'html')}
          data-testid="report-html"
        >
          {t.html}
        </a>
        <a
          className="button secondary"
          href={activityReportUrl(period.from, period.to, 'pdf')}
          download={`activity-report-${period.from}-${period.to}.pdf`}
          data-testid="report-pdf"
        >
          {t.pdf}
        </a>
      </nav>
      {reportTables(report).map((table) => (
        <FigureTable key={table.id} table={table} />
      ))}
      {report.notRecorded.length > 0 && (
        <section aria-labelledby={`${id}-nr`} className="card">
          <h3 id={`${id}-nr`}>{t.notRecorded}</h3>
          <p>{t.notRecordedIntro}</p>
          <ul>
            {report.notRecorded.map((n) => (
              <li key={`${n.letter}-${n.what}`}>
                {fmt(t.notRecordedItem, { letter: n.letter, what: n.what })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function FigureTable({ table }: { table: ReportTable }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid={`report-${table.id}`}>
      <h3 id={`${id}-title`}>
        {table.title} <span className="muted small">{fmt(t.letter, { letter: table.letter })}</span>
      </h3>
      <div className="table-wrap">
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c, i) => (
                <th key={c} scope="col" className={i > 0 ? 'num' : undefined}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="num">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.note && <p className="hint">{table.note}</p>}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import {
  ApiError,
  stakeholderOrgsCsvPath,
  stakeholderPeopleCsvPath,
  type StakeholderFilter,
  type StakeholderImportReport,
} from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { fmt, formatNumber } from '../i18n/format';
import { stakeholders } from './api';
import { Area } from './controls';
import { stakeholdersText as t } from './strings';

/** A refused row as the report shows it. */
export interface ReportRow {
  line: number;
  reasons: string[];
}

/** The rows of an atomic import's refusal (problem+json issues, one per reason), grouped by line. */
export function rowsOfIssues(
  issues: readonly { path?: string; line?: number; message: string }[],
): ReportRow[] {
  const byLine = new Map<number, string[]>();
  for (const i of issues)
    if (i.line !== undefined) byLine.set(i.line, [...(byLine.get(i.line) ?? []), i.message]);
  return [...byLine].sort((a, b) => a[0] - b[0]).map(([line, reasons]) => ({ line, reasons }));
}

/** The per-line report of an import. */
export function ImportReportView({
  imported,
  rows,
  atomicRefused,
}: {
  imported: number;
  rows: ReportRow[];
  atomicRefused: boolean;
}) {
  return (
    <div className="import-report" role="status" data-testid="stakeholder-import-report">
      {!atomicRefused && <p>{fmt(t.csv.imported, { n: formatNumber(imported) })}</p>}
      {rows.length > 0 && (
        <>
          <p>{atomicRefused ? t.csv.atomicRefused : fmt(t.csv.rejected, { n: formatNumber(rows.length) })}</p>
          <div className="table-wrap">
            <table data-testid="stakeholder-import-rejected">
              <caption className="visually-hidden">{t.csv.reportCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.csv.line}</th>
                  <th scope="col">{t.csv.reasons}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.line} data-testid={`stakeholder-import-line-${r.line}`}>
                    <th scope="row" className="num">
                      {r.line}
                    </th>
                    <td>
                      <ul className="plain-list">
                        {r.reasons.map((m, i) => (
                          <li key={i}>{m}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

/** CSV export links for everyone; for staff, the import form with its per-line report. */
export function CsvPanel({
  filter,
  staff,
  onImported,
}: {
  filter: StakeholderFilter;
  staff: boolean;
  onImported: () => void;
}) {
  const [text, setText] = useState('');
  const [atomic, setAtomic] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<{
    imported: number;
    rows: ReportRow[];
    atomicRefused: boolean;
  } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setReport(null);
    if (!text.trim()) {
      setError(new Error(t.csv.empty));
      return;
    }
    setBusy(true);
    try {
      const r: StakeholderImportReport = await stakeholders.importOrganisations(text, { atomic });
      setReport({ imported: r.imported.length, rows: r.rejected, atomicRefused: false });
      onImported();
    } catch (err) {
      const rows = err instanceof ApiError ? rowsOfIssues(err.issues) : [];
      if (atomic && rows.length) setReport({ imported: 0, rows, atomicRefused: true });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stakeholder-csv">
      <ul className="plain-list">
        <li>
          <a href={stakeholderOrgsCsvPath(filter)} download data-testid="stakeholder-export-orgs">
            {t.csv.exportOrgs}
          </a>
        </li>
        <li>
          <a href={stakeholderPeopleCsvPath()} download data-testid="stakeholder-export-people">
            {t.csv.exportPeople}
          </a>
        </li>
      </ul>
      {staff && (
        <form
          className="form"
          onSubmit={submit}
          data-testid="stakeholder-import-form"
          aria-labelledby="stk-import-h"
        >
          <h3 id="stk-import-h">{t.csv.importHeading}</h3>
          <p className="hint">{t.csv.importHint}</p>
          <div className="field">
            <label htmlFor="stk-import-file">{t.csv.file}</label>
            <input
              id="stk-import-file"
              type="file"
              accept=".csv,text/csv"
              data-testid="stakeholder-import-file"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) setText(await file.text());
              }}
            />
          </div>
          <Area
            id="stk-import-text"
            label={t.csv.text}
            rows={6}
            value={text}
            onChange={setText}
            testId="stakeholder-import-text"
          />
          <div className="field checkbox">
            <input
              id="stk-import-atomic"
              type="checkbox"
              checked={atomic}
              data-testid="stakeholder-import-atomic"
              onChange={(e) => setAtomic(e.target.checked)}
            />
            <label htmlFor="stk-import-atomic">{t.csv.atomic}</label>
          </div>
          <button type="submit" className="button" disabled={busy} data-testid="stakeholder-import-submit">
            {busy ? t.csv.importing : t.csv.submit}
          </button>
          {error != null && <ErrorBox error={error} />}
          {report && <ImportReportView {...report} />}
        </form>
      )}
    </div>
  );
}

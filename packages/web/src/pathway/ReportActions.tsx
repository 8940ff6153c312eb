import { useState } from 'react';
import type { PathwayAnswersJson, PathwayReportJson } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { fmt } from '../i18n/format';
import { pathwayApi } from './api';
import { pathwayText as t } from './strings';

/** The report as a JSON document: the answers, the report and when it was made. */
export function reportDocument(answers: PathwayAnswersJson, report: PathwayReportJson, at: string): string {
  return JSON.stringify({ generatedAt: at, answers, report }, null, 2);
}

/** Print, download as JSON and (signed in) save the report. Hidden when printing. */
export function ReportActions({
  answers,
  report,
  signedIn,
}: {
  answers: PathwayAnswersJson;
  report: PathwayReportJson;
  signedIn: boolean;
}) {
  const [title, setTitle] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const download = () => {
    const blob = new Blob([reportDocument(answers, report, new Date().toISOString())], {
      type: 'application/json',
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'pathway-report.json';
    a.click();
    URL.revokeObjectURL(url);
  };
  const save = async () => {
    setError(null);
    try {
      const s = await pathwayApi.saveReport(title.trim() || t.report.title, answers);
      setSaved(s.title);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="pathway-actions no-print">
      <button
        type="button"
        className="button secondary"
        data-testid="pathway-print"
        onClick={() => window.print()}
      >
        {t.report.print}
      </button>
      <button type="button" className="button secondary" data-testid="pathway-download" onClick={download}>
        {t.report.download}
      </button>
      {signedIn ? (
        <form
          className="pathway-save"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor="pw-save-title">{t.report.saveTitle}</label>
          <input
            id="pw-save-title"
            value={title}
            maxLength={200}
            data-testid="pathway-save-title"
            onChange={(e) => setTitle(e.target.value)}
          />
          <button type="submit" className="button" data-testid="pathway-save">
            {t.report.save}
          </button>
        </form>
      ) : (
        <p className="hint">{t.report.signInToSave}</p>
      )}
      {saved && (
        <p role="status" data-testid="pathway-saved">
          {fmt(t.report.saved, { title: saved })}
        </p>
      )}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}

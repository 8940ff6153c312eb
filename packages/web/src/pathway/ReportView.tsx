import type { ReactNode } from 'react';
import type { PathwayReportJson } from '@openehds/client';
import { fmt } from '../i18n/format';
import { Citations } from './Citations';
import { pathwayText as t } from './strings';

const r = t.report;

/** The report's frame, named by its heading; `status` (stopped, incomplete, complete) is for tests and styles. */
function ReportSection({ status, title, children }: { status: string; title: string; children: ReactNode }) {
  return (
    <section
      className="pathway-report"
      aria-labelledby="pw-report-title"
      data-testid="pathway-report"
      data-status={status}
    >
      <h2 id="pw-report-title">{title}</h2>
      {children}
    </section>
  );
}

/** The pathway report: a stop with its reason, or the summary and the ordered steps with authorities and articles. */
export function ReportView({ report }: { report: PathwayReportJson }) {
  if (report.status === 'stopped' && report.stop) {
    const stop = report.stop;
    return (
      <ReportSection status="stopped" title={r.stoppedTitle}>
        <div className="alert alert-error" data-testid="pathway-stop">
          <p>{r.stops[stop.reason] ?? stop.reason}</p>
          <ul>
            {stop.items.map((i) => (
              <li key={i}>{t.options[i] ?? i}</li>
            ))}
          </ul>
          <Citations citations={stop.citations} />
        </div>
      </ReportSection>
    );
  }
  if (report.status === 'incomplete' || !report.classification) {
    return (
      <ReportSection status="incomplete" title={r.title}>
        <p className="alert alert-info">
          {fmt(r.incomplete, { list: report.missing.map((m) => t.questions[m] ?? m).join(' · ') })}
        </p>
      </ReportSection>
    );
  }
  const c = report.classification;
  return (
    <ReportSection status="complete" title={r.title}>
      <h3>{r.summary}</h3>
      <dl className="pathway-summary" data-testid="pathway-summary">
        <dt>{r.route}</dt>
        <dd>
          {r.routes[c.route ?? ''] ?? ''}
          {c.multiCountry && <> · {r.multiCountry}</>}
        </dd>
        <dt>{r.dpia}</dt>
        <dd>{r.dpias[c.dpia]}</dd>
        <dt>{r.device}</dt>
        <dd>
          {c.device
            ? fmt(r.deviceClass, { regulation: c.device.regulation, class: c.device.class })
            : r.noDevice}
        </dd>
        <dt>{r.aiAct}</dt>
        <dd>{r.aiClasses[c.aiAct] ?? c.aiAct}</dd>
      </dl>
      <h3>{r.steps}</h3>
      <ol className="pathway-steps">
        {report.steps.map((s) => (
          <li key={s.id} className="pathway-step" data-testid={`pathway-step-${s.id}`}>
            <p className="pathway-step-title">{fmt(t.stepTitles[s.id] ?? s.id, s.params ?? {})}</p>
            <dl>
              <dt>{r.stepAuthority}</dt>
              <dd data-testid={`pathway-authority-${s.id}`}>{t.authorities[s.authority] ?? s.authority}</dd>
              <dt>{r.stepCitations}</dt>
              <dd>
                <Citations citations={s.citations} />
              </dd>
            </dl>
            {s.notes.length > 0 && (
              <ul className="pathway-notes">
                {s.notes.map((n) => (
                  <li key={n}>{t.notes[n] ?? n}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <p className="hint">{r.disclaimer}</p>
    </ReportSection>
  );
}

import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { CaseStudyView } from '@openehds/client';
import { formatDateTime, formatNumber } from '../i18n/format';
import { caseStudiesText as t } from './strings';

/** A titled section of the case study, named by its heading (`cs-<id>`). */
function Frame({
  id,
  title,
  testId,
  children,
}: {
  id: string;
  title: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`cs-${id}`} className="case-study-section" data-testid={testId}>
      <h2 id={`cs-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

/** A free-text section: paragraphs, or a note that it is not written yet. */
function Section({ id, title, text }: { id: string; title: string; text: string }) {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim());
  return (
    <Frame id={id} title={title} testId={`case-study-section-${id}`}>
      {paragraphs.length ? (
        paragraphs.map((p, i) => (
          <p key={i} className="pre-line">
            {p}
          </p>
        ))
      ) : (
        <p className="muted">{t.view.notWritten}</p>
      )}
    </Frame>
  );
}

function ListSection({ id, title, children }: { id: string; title: string; children: ReactNode[] }) {
  return (
    <Frame id={id} title={title}>
      {children.length ? <ul>{children}</ul> : <p className="muted">{t.view.none}</p>}
    </Frame>
  );
}

/** One key figure: its name as the row's header, its value as a number. */
function KpiRow({ label, value }: { label: string; value: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{value}</td>
    </tr>
  );
}

const days = (n: number | null) => (n === null ? t.kpis.unknown : formatNumber(n));

/** The case study's text, data, outputs, key figures and (for insiders) history. Exported for tests. */
export function CaseStudyBody({ cs }: { cs: CaseStudyView }) {
  return (
    <div className="case-study-body">
      <Section id="problem" title={t.sections.problem} text={cs.problem} />
      <ListSection id="datasets" title={t.sections.datasets}>
        {cs.datasets.map((d) => (
          <li key={d.datasetId}>
            <Link to={`/catalogue/${encodeURIComponent(d.datasetId)}`}>{d.title ?? d.datasetId}</Link>{' '}
            <span className="muted small">({d.datasetId})</span>
          </li>
        ))}
      </ListSection>
      <ListSection id="permits" title={t.sections.permits}>
        {cs.permits.map((p) => (
          <li key={p}>
            <code>{p}</code>
          </li>
        ))}
      </ListSection>
      <Section id="method" title={t.sections.method} text={cs.method} />
      <Section id="validation" title={t.sections.validation} text={cs.validation} />
      <Section id="results" title={t.sections.results} text={cs.results} />
      {cs.outputs.length > 0 && (
        <ListSection id="outputs" title={t.sections.outputs}>
          {cs.outputs.map((o) => (
            <li key={o.reference}>
              <code>{o.reference}</code> ({o.origin === 'job' ? t.view.job : t.view.analysis}):{' '}
              {o.files.map((f) => f.name).join(', ')}
            </li>
          ))}
        </ListSection>
      )}
      {cs.kpis && (
        <Frame id="kpis" title={t.sections.kpis}>
          <table data-testid="case-study-kpis">
            <caption className="visually-hidden">{t.kpis.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.kpis.figure}</th>
                <th scope="col" className="num">
                  {t.kpis.value}
                </th>
              </tr>
            </thead>
            <tbody>
              <KpiRow label={t.kpis.daysApplicationToPermit} value={days(cs.kpis.daysApplicationToPermit)} />
              <KpiRow label={t.kpis.daysPermitToFirstOutput} value={days(cs.kpis.daysPermitToFirstOutput)} />
              <KpiRow label={t.kpis.analyses} value={formatNumber(cs.kpis.analyses)} />
              <KpiRow label={t.kpis.jobs} value={formatNumber(cs.kpis.jobs)} />
            </tbody>
          </table>
        </Frame>
      )}
      <Section id="pathway" title={t.sections.pathway} text={cs.pathway} />
      <Section id="lessons" title={t.sections.lessons} text={cs.lessons} />
      <dl className="case-study-meta">
        <dt>{t.sections.tags}</dt>
        <dd>{cs.tags.join(', ') || t.view.none}</dd>
        <dt>{t.sections.countries}</dt>
        <dd>{cs.countries.join(', ') || t.view.none}</dd>
        {cs.useCaseId && (
          <>
            <dt>{t.sections.useCase}</dt>
            <dd>
              <code>{cs.useCaseId}</code>
            </dd>
          </>
        )}
      </dl>
      {cs.history && (
        <Frame id="history" title={t.sections.history}>
          <table data-testid="case-study-history">
            <caption className="visually-hidden">{t.view.historyCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.view.when}</th>
                <th scope="col">{t.view.who}</th>
                <th scope="col">{t.view.what}</th>
                <th scope="col">{t.view.reason}</th>
              </tr>
            </thead>
            <tbody>
              {cs.history.map((e, i) => (
                <tr key={i}>
                  <td className="nowrap">{formatDateTime(e.at)}</td>
                  <td>{e.actor.replace(/^account:/, '')}</td>
                  <td>{t.actions[e.action] ?? e.action}</td>
                  <td>{e.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Frame>
      )}
    </div>
  );
}

import { useId } from 'react';
import type { PublicFile, RegisterDecision } from '@openehds/client';
import { Badge } from '../applications/Badge';
import { ui } from '../i18n/ui';
import { fmt, formatDate, formatDateTime, nameOf } from '../i18n/format';
import { PermitLink } from '../permits/PermitLink';
import { registerApi } from './api';
import { ListFooter } from './ListFooter';
import { applicationBadge, outcomeBadge, permitStatusBadge, versionStatusText } from './register-badges';
import {
  filterApplications,
  filterDecisions,
  filterResults,
  hasLocalFilters,
  hubQuery,
  type RegisterFilters,
} from './register-list';
import { purposeText } from './report-tables';
import { registerText as t } from './strings';
import { useRegisterList } from './useRegisterList';

/** The key of the hub-side filters: a new first page is loaded when it changes. */
const hubKey = (f: RegisterFilters) => JSON.stringify([f.tab, f.reference, f.since]);

function Organisation({ file }: { file: PublicFile }) {
  const a = file.applicant;
  if (!a.organisation) return <span className="muted">{t.applications.naturalPerson}</span>;
  return (
    <>
      {a.organisation}
      {(a.kind || a.country) && (
        <div className="muted small">
          {[
            a.kind ? nameOf(t.organisationKinds, a.kind) : '',
            a.country ? nameOf(ui.countries, a.country) : '',
          ]
            .filter(Boolean)
            .join(', ')}
        </div>
      )}
    </>
  );
}

const datasetsText = (f: PublicFile) => f.datasets.map((d) => d.title || d.id).join(', ');

/** Art. 57(1)(j)(ii): every application and request from its receipt on. */
export function ApplicationsPart({ filters }: { filters: RegisterFilters }) {
  const list = useRegisterList(
    (cursor, signal) => registerApi.applications(hubQuery(filters, cursor), signal),
    hubKey(filters),
  );
  const items = filterApplications(list.loaded?.items ?? [], filters);
  return (
    <>
      {list.loaded && items.length === 0 && <p>{t.empty}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table data-testid="register-applications">
            <caption className="visually-hidden">{t.applications.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.applications.reference}</th>
                <th scope="col">{t.applications.titleCol}</th>
                <th scope="col">{t.applications.applicant}</th>
                <th scope="col">{t.applications.purposes}</th>
                <th scope="col">{t.applications.datasets}</th>
                <th scope="col">{t.applications.received}</th>
                <th scope="col">{t.applications.status}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} data-testid={`register-row-${a.reference}`}>
                  <th scope="row">
                    <code>{a.reference}</code>
                    <div className="muted small">{nameOf(t.kinds, a.kind)}</div>
                  </th>
                  <td>{a.title}</td>
                  <td>
                    <Organisation file={a} />
                  </td>
                  <td>{a.purposes.map((p) => purposeText(p.code)).join('; ')}</td>
                  <td>{datasetsText(a)}</td>
                  <td className="nowrap">{formatDate(a.receivedAt)}</td>
                  <td>
                    <Badge badge={applicationBadge(a)} />
                    {a.decidedAt && <div className="muted small">{formatDate(a.decidedAt)}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListFooter list={list} shown={items.length} filtered={hasLocalFilters(filters)} />
    </>
  );
}

/** Art. 57(1)(j)(iii)-(iv), 61(4): published decisions, their justification, permits and results duty. */
export function DecisionsPart({ filters }: { filters: RegisterFilters }) {
  const list = useRegisterList(
    (cursor, signal) => registerApi.decisions(hubQuery(filters, cursor), signal),
    hubKey(filters),
  );
  const items = filterDecisions(list.loaded?.items ?? [], filters);
  return (
    <>
      {list.loaded && items.length === 0 && <p>{t.empty}</p>}
      <ol className="plain-list register-decisions" data-testid="register-decisions">
        {items.map((d) => (
          <li key={d.id}>
            <DecisionCard decision={d} />
          </li>
        ))}
      </ol>
      <ListFooter list={list} shown={items.length} filtered={hasLocalFilters(filters)} />
    </>
  );
}

function DecisionCard({ decision: d }: { decision: RegisterDecision }) {
  const id = useId();
  const duty = d.results.duty;
  return (
    <article
      aria-labelledby={`${id}-title`}
      className="card"
      data-testid={`register-decision-${d.reference}`}
    >
      <div className="app-head">
        <h3 id={`${id}-title`}>
          <code>{d.reference}</code> {d.title}
        </h3>
        <Badge badge={outcomeBadge(d.outcome)} />
        {d.permit && <Badge badge={permitStatusBadge(d.permit.status)} testId="register-permit-status" />}
        {d.resultsOverdue && (
          <Badge badge={{ text: t.decisions.overdue, tone: 'bad' }} testId="results-overdue" />
        )}
      </div>
      <p className="muted">
        {nameOf(t.kinds, d.kind)} · {fmt(t.decisions.decided, { at: formatDate(d.decidedAt) })},{' '}
        {fmt(t.decisions.published, { at: formatDate(d.publishedAt) })}
        {d.receivedAt && <> · {fmt(t.decisions.received, { at: formatDate(d.receivedAt) })}</>}
      </p>
      <dl className="key-values">
        <div>
          <dt>{t.decisions.applicant}</dt>
          <dd>
            <Organisation file={d} />
          </dd>
        </div>
        <div>
          <dt>{t.decisions.purposes}</dt>
          <dd>{d.purposes.map((p) => purposeText(p.code)).join('; ') || '—'}</dd>
        </div>
        <div>
          <dt>{t.decisions.datasets}</dt>
          <dd>{datasetsText(d) || '—'}</dd>
        </div>
        {d.permit && (
          <div>
            <dt>{t.decisions.permit}</dt>
            <dd>
              <PermitLink id={d.permit.id} />{' '}
              {fmt(t.decisions.validity, {
                from: formatDate(d.permit.validFrom),
                until: formatDate(d.permit.validUntil),
              })}
            </dd>
          </div>
        )}
        {(d.permit || d.outcome === 'ANSWERED_AS_REQUEST') && (
          <div>
            <dt>{t.decisions.results}</dt>
            <dd>
              {d.results.reported === 1
                ? t.decisions.reportedOne
                : fmt(t.decisions.reported, { n: d.results.reported })}
              {' · '}
              {duty ? fmt(t.decisions.dueBy, { date: formatDate(duty.dueAt) }) : t.decisions.notDue}
            </dd>
          </div>
        )}
      </dl>
      <h4>{t.decisions.justification}</h4>
      <p className="quote">{d.reasons || t.decisions.noReasons}</p>
      {d.permit && d.permit.versions.length > 1 && (
        <div className="table-wrap">
          <table>
            <caption>{fmt(t.decisions.versionsCaption, { number: d.permit.id })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t.decisions.version}
                </th>
                <th scope="col">{t.decisions.number}</th>
                <th scope="col">{t.decisions.status}</th>
                <th scope="col">{t.decisions.valid}</th>
                <th scope="col">{t.decisions.activeUntil}</th>
                <th scope="col">{t.decisions.reason}</th>
              </tr>
            </thead>
            <tbody>
              {d.permit.versions.map((v) => (
                <tr key={v.permitId}>
                  <td className="num">{v.version}</td>
                  <th scope="row">
                    <PermitLink id={v.permitId} />
                  </th>
                  <td>{versionStatusText(v)}</td>
                  <td className="nowrap">
                    {formatDate(v.validFrom)} – {formatDate(v.validUntil)}
                  </td>
                  <td className="nowrap">{v.activeUntil ? formatDateTime(v.activeUntil) : '—'}</td>
                  <td>{v.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}

/** Art. 57(1)(j)(v): results reported by data users, with their links. */
export function ResultsPart({ filters }: { filters: RegisterFilters }) {
  const list = useRegisterList(
    (cursor, signal) => registerApi.results(hubQuery(filters, cursor), signal),
    hubKey(filters),
  );
  const items = filterResults(list.loaded?.items ?? [], filters);
  return (
    <>
      {list.loaded && items.length === 0 && <p>{t.empty}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table data-testid="register-results">
            <caption className="visually-hidden">{t.results.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.results.titleCol}</th>
                <th scope="col">{t.results.kind}</th>
                <th scope="col">{t.results.aiProduct}</th>
                <th scope="col">{t.results.reference}</th>
                <th scope="col">{t.results.permit}</th>
                <th scope="col">{t.results.organisation}</th>
                <th scope="col">{t.results.reported}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <a href={r.link} rel="noopener noreferrer">
                      {r.title}
                    </a>
                    {r.doi && <div className="muted small">doi:{r.doi}</div>}
                  </th>
                  <td>{nameOf(t.results.kinds, r.kind)}</td>
                  <td>{r.isAiProduct ? t.results.yes : t.results.no}</td>
                  <td>
                    <code>{r.application.reference}</code>
                  </td>
                  <td>{r.permitId ? <PermitLink id={r.permitId} /> : '—'}</td>
                  <td>{r.organisation ?? '—'}</td>
                  <td className="nowrap">{formatDate(r.reportedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListFooter list={list} shown={items.length} filtered={hasLocalFilters(filters)} />
    </>
  );
}

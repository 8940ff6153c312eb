import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PERMIT_STATUSES, type PermitStatus } from '@openehds/client';
import { Badge } from '../applications/Badge';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt, formatDate } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { permitsApi } from './api';
import { PassportSection } from './PassportSection';
import { inForceText, permitBadge } from './permit-text';
import { permitsText as t } from './strings';
import '../applications/applications.css';

/** The status filter from the address bar; anything else means all. */
function statusParam(v: string | null): PermitStatus | undefined {
  return PERMIT_STATUSES.find((s) => s === v);
}

/**
 * Data permits: a data user's own (applied for or named in), every permit for HDAB staff, filtered by
 * status and optionally with every version; data users also see their GA4GH passport.
 */
export function PermitsPage() {
  useTitle(t.list.title);
  const { principal } = useAuth();
  const [params, setParams] = useSearchParams();
  const status = statusParam(params.get('status'));
  const all = params.get('versions') === 'all';
  const [choice, setChoice] = useState<string>(status ?? '');
  const [allChoice, setAllChoice] = useState(all);
  useEffect(() => setChoice(status ?? ''), [status]);
  useEffect(() => setAllChoice(all), [all]);
  const list = useAsync(
    (signal) =>
      permitsApi.list({ ...(status ? { status } : {}), ...(all ? { versions: 'all' } : {}) }, signal),
    [status, all],
  );
  const staff = principal?.role === 'hdab_staff';

  function filter(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    if (choice) next.set('status', choice);
    if (allChoice) next.set('versions', 'all');
    setParams(next);
  }

  return (
    <>
      <h1>{t.list.title}</h1>
      <p className="lead">{staff ? t.list.introStaff : t.list.introUser}</p>
      <form className="card form" onSubmit={filter} role="search" aria-label={t.list.filter}>
        <div className="field inline">
          <label htmlFor="permit-status">{t.list.status}</label>
          <select
            id="permit-status"
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            data-testid="permit-status-filter"
          >
            <option value="">{t.list.allStatuses}</option>
            {PERMIT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.statuses[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input
            type="checkbox"
            id="permit-versions"
            checked={allChoice}
            onChange={(e) => setAllChoice(e.target.checked)}
          />
          <label htmlFor="permit-versions">{t.list.allVersions}</label>
        </div>
        <div>
          <button type="submit" className="button secondary small">
            {t.list.apply}
          </button>
        </div>
      </form>
      {list.loading && <Loading />}
      {list.error != null && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && !list.loading && (
        <>
          <p role="status" className="results-count">
            {list.data.length === 1 ? t.list.countOne : fmt(t.list.count, { n: list.data.length })}
          </p>
          {list.data.length === 0 ? (
            <p>{t.list.empty}</p>
          ) : (
            <div className="table-wrap">
              <table data-testid="permits">
                <caption className="visually-hidden">{t.list.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.list.number}</th>
                    <th scope="col">{t.list.application}</th>
                    <th scope="col">{t.list.state}</th>
                    <th scope="col">{t.list.valid}</th>
                    <th scope="col" className="num">
                      {t.list.version}
                    </th>
                    <th scope="col" className="num">
                      {t.list.datasets}
                    </th>
                    <th scope="col" className="num">
                      {t.list.persons}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.map((p) => (
                    <tr key={p.id} data-testid={`permit-row-${p.id}`}>
                      <th scope="row">
                        <Link to={`/permits/${encodeURIComponent(p.id)}`}>
                          <code>{p.id}</code>
                        </Link>
                      </th>
                      <td>
                        <code>{p.applicationReference}</code>
                      </td>
                      <td>
                        <Badge badge={permitBadge(p)} />
                        {inForceText(p) && <div className="muted small">{inForceText(p)}</div>}
                      </td>
                      <td className="nowrap">
                        {formatDate(p.validFrom)} – {formatDate(p.validUntil)}
                      </td>
                      <td className="num">{p.version}</td>
                      <td className="num">{p.datasets.length}</td>
                      <td className="num">{p.persons}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {principal?.role === 'data_user' && <PassportSection />}
    </>
  );
}

import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ApplicationKind } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { applicationsApi } from './api';
import { Badge } from './Badge';
import { fileBadge, nextDeadlineText } from './clock-text';
import { statusBadge } from './status-text';
import { applicationsText as t } from './strings';
import './applications.css';

/** The data user's applications and requests, with buttons to start a new one. */
export function ApplicationsPage() {
  useTitle(t.list.title);
  const navigate = useNavigate();
  const list = useAsync((signal) => applicationsApi.list(undefined, signal), []);
  const [creating, setCreating] = useState<ApplicationKind | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function create(kind: ApplicationKind) {
    setCreating(kind);
    setError(null);
    try {
      const view = await applicationsApi.create(kind);
      navigate(`/applications/${view.id}`);
    } catch (err) {
      setError(err);
      setCreating(null);
    }
  }

  return (
    <>
      <h1>{t.list.title}</h1>
      <p className="lead">{t.list.intro}</p>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={creating !== null}
          onClick={() => void create('application')}
          data-testid="new-application"
        >
          {creating === 'application' ? t.list.creating : t.list.newApplication}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={creating !== null}
          onClick={() => void create('request')}
          data-testid="new-request"
        >
          {creating === 'request' ? t.list.creating : t.list.newRequest}
        </button>
      </div>
      {error != null && <ErrorBox error={error} />}
      {list.loading && !list.data && <Loading />}
      {list.error != null && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data?.length === 0 && <p>{t.list.empty}</p>}
      {list.data && list.data.length > 0 && (
        <div className="table-wrap">
          <table data-testid="my-applications">
            <caption className="visually-hidden">{t.list.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.list.reference}</th>
                <th scope="col">{t.list.titleCol}</th>
                <th scope="col">{t.list.kind}</th>
                <th scope="col">{t.list.status}</th>
                <th scope="col">{t.list.nextDeadline}</th>
                <th scope="col">{t.list.updated}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((a) => {
                const flag = fileBadge(a.clocks);
                return (
                  <tr key={a.id}>
                    <th scope="row">
                      <Link to={`/applications/${a.id}`}>
                        <code>{a.reference}</code>
                      </Link>
                    </th>
                    <td>{a.title || <span className="muted">{t.list.untitled}</span>}</td>
                    <td>{t.kindsShort[a.kind]}</td>
                    <td>
                      <Badge badge={statusBadge(a.status, a.outcome)} />
                    </td>
                    <td>
                      {nextDeadlineText(a.clocks) || '–'} {flag && <Badge badge={flag} />}
                    </td>
                    <td className="nowrap">{formatDateTime(a.updatedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

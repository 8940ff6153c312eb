import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { applicationsApi } from '../applications/api';
import { Badge } from '../applications/Badge';
import { statusBadge } from '../applications/status-text';
import { applicationsText } from '../applications/strings';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt, formatDate } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { QUEUE_STATUSES, queueRows, statusFilter } from './queue-display';
import { TransparencyLinks } from '../register/TransparencyLinks';
import { backofficeText as t } from './strings';
import '../applications/applications.css';

/**
 * The HDAB case handler's queue: every submitted file in the order the hub sorts it (overdue, at
 * risk, then by next deadline), with badges and due dates; the status filter lives in the address.
 */
export function WorkQueuePage() {
  useTitle(t.queue.title);
  const [params, setParams] = useSearchParams();
  const status = statusFilter(params.get('status'));
  const [choice, setChoice] = useState<string>(status ?? '');
  useEffect(() => setChoice(status ?? ''), [status]);
  const queue = useAsync((signal) => applicationsApi.list(status, signal), [status]);
  const rows = queue.data ? queueRows(queue.data) : [];

  function filter(e: FormEvent) {
    e.preventDefault();
    setParams(choice ? { status: choice } : {});
  }

  return (
    <>
      <h1>{t.queue.title}</h1>
      <p className="lead">{t.queue.intro}</p>
      <TransparencyLinks />
      <form className="field inline" onSubmit={filter} role="search" aria-label={t.queue.filter}>
        <label htmlFor="queue-status">{t.queue.filter}</label>
        <select
          id="queue-status"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          data-testid="queue-status"
        >
          <option value="">{t.queue.allStatuses}</option>
          {QUEUE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {applicationsText.statuses[s]}
            </option>
          ))}
        </select>
        <button type="submit" className="button secondary small">
          {t.queue.apply}
        </button>
      </form>
      {queue.loading && <Loading />}
      {queue.error != null && <ErrorBox error={queue.error} onRetry={queue.reload} />}
      {queue.data && !queue.loading && (
        <>
          <p role="status" className="results-count">
            {rows.length === 1 ? t.queue.countOne : fmt(t.queue.count, { n: rows.length })}
          </p>
          {rows.length === 0 ? (
            <p>{t.queue.empty}</p>
          ) : (
            <div className="table-wrap">
              <table data-testid="work-queue">
                <caption className="visually-hidden">{t.queue.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.queue.reference}</th>
                    <th scope="col">{t.queue.titleCol}</th>
                    <th scope="col">{t.queue.applicant}</th>
                    <th scope="col">{t.queue.status}</th>
                    <th scope="col">{t.queue.urgency}</th>
                    <th scope="col">{t.queue.nextDue}</th>
                    <th scope="col">{t.queue.submitted}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ item: a, badge, nextDue, rank }) => (
                    <tr key={a.id} data-testid={`queue-row-${a.reference}`} data-rank={rank}>
                      <th scope="row">
                        <Link to={`/backoffice/${a.id}`}>
                          <code>{a.reference}</code>
                        </Link>
                        <div className="muted small">
                          {applicationsText.kindsShort[a.kind]}
                          {a.accelerated ? ` · ${t.queue.accelerated}` : ''}
                        </div>
                      </th>
                      <td>{a.title || <span className="muted">{applicationsText.list.untitled}</span>}</td>
                      <td>
                        {a.applicant}
                        {a.organisation && <div className="muted small">{a.organisation}</div>}
                      </td>
                      <td>
                        <Badge badge={statusBadge(a.status, a.outcome)} />
                      </td>
                      <td>{badge ? <Badge badge={badge} /> : '–'}</td>
                      <td>{nextDue || '–'}</td>
                      <td className="nowrap">{formatDate(a.submittedAt) || '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}

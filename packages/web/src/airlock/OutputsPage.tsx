import { Link } from 'react-router-dom';
import { Badge } from '../applications/Badge';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt, formatDateTime } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { airlockApi } from './api';
import { statusBadge } from './airlock-rules';
import { airlockText as t } from './strings';
import '../applications/applications.css';
import './airlock.css';

/**
 * A data user's outputs in the airlock (issue 4 §5): every request their jobs made, its status and
 * what happens next; the hub lists only the caller's own.
 */
export function OutputsPage() {
  useTitle(t.mine.title);
  const list = useAsync((signal) => airlockApi.list({}, signal), []);
  return (
    <>
      <h1>{t.mine.title}</h1>
      <p className="lead">{t.mine.intro}</p>
      {list.loading && <Loading />}
      {list.error != null && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && !list.loading && (
        <>
          {list.data.length === 0 ? (
            <p data-testid="outputs-empty">{t.mine.empty}</p>
          ) : (
            <div className="table-wrap">
              <table data-testid="outputs-list">
                <caption className="visually-hidden">{t.mine.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.mine.reference}</th>
                    <th scope="col">{t.mine.permit}</th>
                    <th scope="col">{t.mine.origin}</th>
                    <th scope="col">{t.mine.status}</th>
                    <th scope="col">{t.mine.next}</th>
                    <th scope="col">{t.mine.updated}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.map((r) => (
                    <tr key={r.id} data-testid={`outputs-row-${r.reference}`}>
                      <th scope="row">
                        <Link to={`/airlock/${r.id}`}>
                          <code>{r.reference}</code>
                        </Link>
                      </th>
                      <td>
                        <Link to={`/permits/${encodeURIComponent(r.permitId)}`}>
                          <code>{r.permitId}</code>
                        </Link>
                      </td>
                      <td>{fmt(t.origin[r.origin.kind]!, { id: r.origin.id })}</td>
                      <td>
                        <Badge badge={statusBadge(r.status)} />
                      </td>
                      <td>{t.mine.nextSteps[r.status]}</td>
                      <td className="nowrap">{formatDateTime(r.updatedAt)}</td>
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

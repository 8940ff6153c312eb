import { Link } from 'react-router-dom';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt, formatDate } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { workspaceApi } from './api';
import { workspaceText as t } from './strings';
import { labelOf } from './workspace-text';
import '../feasibility/feasibility.css';

/** The caller's workspaces: one per active data permit that names them (Art. 73(1)(a)). */
export function WorkspacesPage() {
  useTitle(t.list.title);
  const list = useAsync((signal) => workspaceApi.list(signal), []);
  const items = list.data ?? [];
  return (
    <>
      <h1>{t.list.title}</h1>
      <p className="lead">{t.list.intro}</p>
      {list.loading && <Loading />}
      {list.error != null && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data &&
        !list.loading &&
        (items.length === 0 ? (
          <p data-testid="workspaces-empty">{t.list.empty}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="workspaces">
              <caption className="visually-hidden">{t.list.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.list.permit}</th>
                  <th scope="col">{t.list.status}</th>
                  <th scope="col">{t.list.valid}</th>
                  <th scope="col">{t.list.datasets}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((w) => {
                  const id = w.id;
                  return (
                    <tr key={id} data-testid={`workspace-row-${id}`}>
                      <th scope="row">
                        <Link
                          to={`/workspaces/${encodeURIComponent(id)}`}
                          aria-label={fmt(t.list.open, { id })}
                        >
                          <code>{id}</code>
                        </Link>
                      </th>
                      <td>{w.status}</td>
                      <td className="nowrap">
                        {formatDate(w.validFrom)} – {formatDate(w.validUntil)}
                      </td>
                      <td>{w.datasets.map(labelOf).join(', ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}

import { Link, useSearchParams } from 'react-router-dom';
import { Badge } from '../applications/Badge';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { airlockApi } from './api';
import { ageText, byTab, checkSummary, QUEUE_TABS, queueTab, statusBadge } from './airlock-rules';
import { airlockText as t } from './strings';
import { useRequestFiles } from './use-request-files';
import '../applications/applications.css';
import './airlock.css';

/**
 * The output checkers' queue (issue 4 §5): every request in the airlock by the stage it waits in —
 * review, decision, release, with the author, done — with its permit, author, files and automatic
 * checks, and how long it has waited. The tab lives in the address, so it survives a reload.
 */
export function QueuePage() {
  useTitle(t.queue.title);
  const [params] = useSearchParams();
  const tab = queueTab(params.get('tab'));
  const list = useAsync((signal) => airlockApi.list({}, signal), []);
  const tabs = byTab(list.data ?? []);
  const rows = tabs[tab];
  const files = useRequestFiles(rows.map((r) => r.id));
  const now = new Date();
  const tabLabel = t.queue.tabs[tab]!;

  return (
    <>
      <h1>{t.queue.title}</h1>
      <p className="lead">{t.queue.intro}</p>
      <p className="alert alert-info" data-testid="airlock-four-eyes">
        {t.fourEyes}
      </p>
      <nav aria-label={t.queue.tabsLabel} className="airlock-tabs">
        <ul>
          {QUEUE_TABS.map((id) => (
            <li key={id}>
              <Link
                to={`/airlock?tab=${id}`}
                aria-current={id === tab ? 'page' : undefined}
                data-testid={`airlock-tab-${id}`}
              >
                {list.data
                  ? fmt(t.queue.tabCount, { label: t.queue.tabs[id]!, n: tabs[id].length })
                  : t.queue.tabs[id]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.loading && <Loading />}
      {list.error != null && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && !list.loading && (
        <>
          <p role="status" className="results-count">
            {rows.length === 1 ? t.queue.countOne : fmt(t.queue.count, { n: rows.length })}
          </p>
          {rows.length === 0 ? (
            <p>{t.queue.empty}</p>
          ) : (
            <div className="table-wrap">
              <table data-testid="airlock-queue">
                <caption className="visually-hidden">{fmt(t.queue.caption, { tab: tabLabel })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.queue.reference}</th>
                    <th scope="col">{t.queue.permit}</th>
                    <th scope="col">{t.queue.author}</th>
                    <th scope="col">{t.queue.status}</th>
                    <th scope="col">{t.queue.files}</th>
                    <th scope="col">{t.queue.autoCheck}</th>
                    <th scope="col">
                      {t.queue.age} <span className="muted small">({t.queue.ageHint})</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => {
                    const f = files.get(r.id);
                    return (
                      <tr key={r.id} data-testid={`airlock-row-${r.reference}`}>
                        <th scope="row">
                          <Link to={`/airlock/${r.id}`}>
                            <code>{r.reference}</code>
                          </Link>
                          <div className="muted small">
                            {fmt(t.origin[r.origin.kind]!, { id: r.origin.id })}
                          </div>
                        </th>
                        <td>
                          <Link to={`/permits/${encodeURIComponent(r.permitId)}`}>
                            <code>{r.permitId}</code>
                          </Link>
                        </td>
                        <td>{r.author}</td>
                        <td>
                          <Badge badge={statusBadge(r.status)} />
                        </td>
                        <td>
                          {f === undefined
                            ? t.queue.filesLoading
                            : f === null
                              ? '–'
                              : f.length === 1
                                ? t.queue.filesOne
                                : fmt(t.queue.filesCount, { n: f.length })}
                        </td>
                        <td>{f ? checkSummary(f) : f === null ? '–' : t.queue.filesLoading}</td>
                        <td className="nowrap">{ageText(r.updatedAt, now)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}

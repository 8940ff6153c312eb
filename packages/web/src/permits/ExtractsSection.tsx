import { useId } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { ui } from '../i18n/ui';
import { fmt, formatDateTime, formatNumber, nameOf } from '../i18n/format';
import { useAsync } from '../lib/use-async';
import { permitsApi } from './api';
import { permitsText as t } from './strings';

/**
 * The extracts the data holders' nodes prepared under this permit version, counts per node (Art.
 * 68(12) recipe; opt-out, Art. 71). Hidden while loading and when the hub has no extract list (404).
 */
export function ExtractsSection({ permitId }: { permitId: string }) {
  const id = useId();
  const extracts = useAsync((signal) => permitsApi.extracts(permitId, signal), [permitId]);
  if (extracts.error != null) return <ErrorBox error={extracts.error} onRetry={extracts.reload} />;
  const data = extracts.data;
  if (!data) return null;
  const count = (n: number | null) =>
    n === null ? <span className="muted">{t.extracts.withheld}</span> : formatNumber(n);
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="permit-extracts">
      <h2 id={`${id}-title`}>{t.extracts.title}</h2>
      <p className="muted">{t.extracts.intro}</p>
      {data.optOutException && <p className="alert">{t.extracts.optOutException}</p>}
      {data.nodes.length === 0 ? (
        <p>{t.extracts.none}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t.extracts.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.extracts.node}</th>
                <th scope="col">{t.extracts.status}</th>
                <th scope="col">{t.extracts.datasets}</th>
                <th scope="col" className="num">
                  {t.extracts.persons}
                </th>
                <th scope="col" className="num">
                  {t.extracts.excluded}
                </th>
                <th scope="col" className="num">
                  {t.extracts.notMatchable}
                </th>
                <th scope="col">{t.extracts.snapshot}</th>
                <th scope="col">{t.extracts.prepared}</th>
              </tr>
            </thead>
            <tbody>
              {data.nodes.map((n) => (
                <tr key={n.nodeId}>
                  <th scope="row">
                    {n.nodeName}
                    <div className="muted small">{nameOf(ui.countries, n.country)}</div>
                  </th>
                  <td>
                    {t.extracts.statuses[n.status] ?? n.status}
                    {n.deletedAt && (
                      <div className="muted small">
                        {fmt(t.extracts.deleted, {
                          at: formatDateTime(n.deletedAt),
                          reason: n.deletionReason ?? '',
                        })}
                      </div>
                    )}
                  </td>
                  <td>{n.datasets.join(', ')}</td>
                  <td className="num">{formatNumber(n.persons)}</td>
                  <td className="num">{count(n.excludedByOptOut)}</td>
                  <td className="num">{count(n.notMatchable)}</td>
                  <td className="nowrap">{formatDateTime(n.snapshotAt)}</td>
                  <td className="nowrap">{formatDateTime(n.preparedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

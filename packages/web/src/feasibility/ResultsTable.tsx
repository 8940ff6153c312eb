import { useId } from 'react';
import { ui } from '../i18n/ui';
import { fmt, formatDateTime, nameOf } from '../i18n/format';
import { audienceNote, nodeCountText, nodeStatusText, totalText } from './results';
import { feasibilityText as t } from './strings';
import type { FeasibilityResult } from './types';

/** The counts per node and the total, with what this audience may see. */
export function ResultsTable({ result }: { result: FeasibilityResult }) {
  const id = useId();
  // A lower bound only when there is a total at all ("fewer than N" already says everything was withheld).
  const partial = result.total.atLeast && result.total.value !== null;
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="feasibility-results">
      <h2 id={`${id}-title`}>{t.results.title}</h2>
      <p data-testid="feasibility-audience" className="muted">
        {audienceNote(result)}
      </p>
      {result.nodes.length === 0 ? (
        <p>{t.results.noNodes}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="feasibility-nodes">
            <caption className="visually-hidden">{t.results.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.results.node}</th>
                <th scope="col">{t.results.country}</th>
                <th scope="col">{t.results.datasets}</th>
                <th scope="col" className="num">
                  {t.results.count}
                </th>
                <th scope="col">{t.results.status}</th>
              </tr>
            </thead>
            <tbody>
              {result.nodes.map((n) => (
                <tr key={n.nodeId} data-testid={`feasibility-node-${n.nodeId}`} data-status={n.status}>
                  <th scope="row">{n.nodeName}</th>
                  <td>{nameOf(ui.countries, n.country)}</td>
                  <td>{n.datasets.join(', ')}</td>
                  <td className="num" data-testid="feasibility-count">
                    {nodeCountText(n, result.threshold)}
                  </td>
                  <td>{nodeStatusText(n)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t.results.total}
                </th>
                <td className="num" data-testid="feasibility-total">
                  <strong>{totalText(result)}</strong>
                </td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {partial && <p className="muted">{t.results.partial}</p>}
      <p className="muted small">{fmt(t.results.askedAt, { at: formatDateTime(result.askedAt) })}</p>
    </section>
  );
}

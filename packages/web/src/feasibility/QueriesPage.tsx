import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt, formatDateTime, formatNumber } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { listFeasibilityQueries, type FeasibilityQueryJson } from './queries-api';
import { queriesText as t } from './queries-strings';
import { cohortSummary, nodeReleases } from './queries-view';

/** The total as released: a sum, a lower bound when a node withheld its part, or unknown. */
function totalText(total: FeasibilityQueryJson['total']): string {
  if (total.value === null) return t.unknown;
  return total.atLeast ? fmt(t.atLeast, { n: formatNumber(total.value) }) : formatNumber(total.value);
}

/** The register's table (exported for tests: the page without its loading). */
export function QueriesTable({ items }: { items: FeasibilityQueryJson[] }) {
  if (items.length === 0) return <p data-testid="feasibility-queries-empty">{t.none}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="feasibility-queries">
        <caption className="visually-hidden">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.when}</th>
            <th scope="col">{t.audience}</th>
            <th scope="col">{t.cohort}</th>
            <th scope="col" className="num">
              {t.total}
            </th>
            <th scope="col">{t.nodes}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((q) => (
            <tr key={q.id} data-testid={`feasibility-query-${q.id}`}>
              <th scope="row" className="nowrap">
                {formatDateTime(q.askedAt)}
              </th>
              <td>
                {t.audiences[q.audience] ?? q.audience}
                <div className="muted small">{q.asker ?? t.anonymous}</div>
              </td>
              <td>
                {cohortSummary(q.cohort)}
                <details>
                  <summary>{t.showCohort}</summary>
                  <pre className="small">{JSON.stringify(q.cohort, null, 2)}</pre>
                </details>
              </td>
              <td className="num">{totalText(q.total)}</td>
              <td>
                <ul className="plain-list">
                  {nodeReleases(q.nodes).map((n) => (
                    <li key={n.node} data-status={n.status} data-outcome={n.outcome ?? 'none'}>
                      <strong>{n.node}</strong>: {n.released} ·{' '}
                      {n.outcome ? (t.outcomes[n.outcome] ?? n.outcome) : t.noRecord}
                      {n.marked.length > 0 && <span className="muted"> ({n.marked.join(', ')})</span>}
                      {n.message && <div className="muted small">{n.message}</div>}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** HDAB staff's register of feasibility queries (issue 4 §2: the HDAB sees every query and release). */
export function QueriesPage() {
  useTitle(t.title);
  const q = useAsync((signal) => listFeasibilityQueries(signal), []);
  return (
    <>
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      {q.loading && !q.data && <Loading />}
      {q.error != null && <ErrorBox error={q.error} onRetry={q.reload} />}
      {q.data && <QueriesTable items={q.data} />}
    </>
  );
}

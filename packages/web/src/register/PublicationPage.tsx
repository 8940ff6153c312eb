import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { PublicationDutyItem } from '@openehds/client';
import { Badge } from '../applications/Badge';
import { applicationsText } from '../applications/strings';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt, formatDate, formatDateTime, nameOf } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { registerApi } from './api';
import { dutyBadge, workingDaysText } from './publication-text';
import { registerText } from './strings';
import '../applications/applications.css';

const t = registerText.publication;

/**
 * HDAB staff's publication duties (Art. 57(1)(j)(iii)): each decision not yet in the public register,
 * its 30-working-day deadline, the working days left and whether it is at risk or overdue, with a
 * Publish button.
 */
export function PublicationPage() {
  useTitle(t.title);
  const duties = useAsync((signal) => registerApi.publicationDuties(signal), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);

  async function publish(item: PublicationDutyItem) {
    setBusy(item.id);
    setError(null);
    setMessage('');
    try {
      const done = await registerApi.publish(item.id);
      setMessage(
        fmt(done.alreadyPublished ? t.alreadyPublished : t.published, { reference: done.reference }),
      );
      duties.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  const data = duties.data;
  return (
    <>
      <p>
        <Link to="/backoffice">← {t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <div role="status">{message && <p className="alert alert-ok">{message}</p>}</div>
      {error != null && <ErrorBox error={error} />}
      {duties.loading && !data && <Loading />}
      {duties.error != null && <ErrorBox error={duties.error} onRetry={duties.reload} />}
      {data && (
        <>
          <p className="results-count" data-testid="publication-summary">
            {data.items.length === 0
              ? t.none
              : fmt(data.items.length === 1 ? t.summaryOne : t.summary, {
                  n: data.items.length,
                  overdue: data.overdue,
                  atRisk: data.atRisk,
                })}
          </p>
          {data.items.length > 0 && (
            <div className="table-wrap">
              <table data-testid="publication-duties">
                <caption className="visually-hidden">{t.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.reference}</th>
                    <th scope="col">{t.outcome}</th>
                    <th scope="col">{t.decided}</th>
                    <th scope="col">{t.due}</th>
                    <th scope="col">{t.left}</th>
                    <th scope="col">{t.state}</th>
                    <th scope="col">{t.action}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((d) => (
                    <tr key={d.id} data-testid={`duty-${d.reference}`}>
                      <th scope="row">
                        <Link to={`/backoffice/${d.id}`}>
                          <code>{d.reference}</code>
                        </Link>
                        <div className="muted small">{nameOf(applicationsText.kindsShort, d.kind)}</div>
                      </th>
                      <td>{d.outcome ? nameOf(registerText.outcomes, d.outcome) : '—'}</td>
                      <td className="nowrap">{formatDateTime(d.decidedAt)}</td>
                      <td className="nowrap">{formatDate(d.dueAt)}</td>
                      <td>{workingDaysText(d)}</td>
                      <td>
                        <Badge badge={dutyBadge(d)} />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button small"
                          disabled={busy !== null}
                          aria-label={fmt(t.publishLabel, { reference: d.reference })}
                          onClick={() => void publish(d)}
                          data-testid={`publish-${d.reference}`}
                        >
                          {busy === d.id ? t.publishing : t.publish}
                        </button>
                      </td>
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

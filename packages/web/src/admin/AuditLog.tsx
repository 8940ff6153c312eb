import { useState } from 'react';
import type { AuditVerification } from '@openehds/client';
import { hub } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { ui } from '../i18n/ui';
import { fmt, formatDateTime, formatNumber } from '../i18n/format';
import { useAsync } from '../lib/use-async';

function detailsText(details: unknown): string {
  if (details == null) return '';
  if (typeof details === 'string') return details;
  // Most events carry no details ({}); show nothing rather than braces.
  if (typeof details === 'object' && Object.keys(details).length === 0) return '';
  return JSON.stringify(details);
}

/** The latest audit events and a check of the hash chain over the whole log. */
export function AuditLog() {
  const events = useAsync(() => hub.audit(200), []);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function verify() {
    setVerifying(true);
    setError(null);
    try {
      setVerification(await hub.verifyAudit());
    } catch (err) {
      setError(err);
    } finally {
      setVerifying(false);
    }
  }

  return (
    <section aria-labelledby="audit-title" className="card">
      <div className="section-head">
        <h2 id="audit-title">{ui.admin.audit}</h2>
        <button
          type="button"
          className="button secondary"
          onClick={() => void verify()}
          disabled={verifying}
          data-testid="audit-verify"
        >
          {verifying ? ui.admin.verifying : ui.admin.verify}
        </button>
      </div>
      <p>{ui.admin.auditIntro}</p>
      <div aria-live="polite">
        {verification && (
          <p
            className={`alert ${verification.brokenAt == null ? 'alert-ok' : 'alert-error'}`}
            data-testid="audit-verification"
          >
            {verification.brokenAt == null
              ? fmt(ui.admin.chainOk, { n: formatNumber(verification.events) })
              : fmt(ui.admin.chainBroken, {
                  seq: verification.brokenAt,
                  n: formatNumber(verification.events),
                })}
          </p>
        )}
      </div>
      {error != null && <ErrorBox error={error} />}
      {events.loading && !events.data && <Loading />}
      {events.error != null && <ErrorBox error={events.error} onRetry={events.reload} />}
      {events.data?.length === 0 && <p>{ui.admin.noEvents}</p>}
      {events.data && events.data.length > 0 && (
        <div className="table-wrap scroll">
          <table data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {ui.admin.seq}
                </th>
                <th scope="col">{ui.admin.at}</th>
                <th scope="col">{ui.admin.actor}</th>
                <th scope="col">{ui.admin.action}</th>
                <th scope="col">{ui.admin.object}</th>
                <th scope="col">{ui.admin.outcome}</th>
                <th scope="col">{ui.admin.details}</th>
              </tr>
            </thead>
            <tbody>
              {events.data.map((e) => (
                <tr key={e.seq} className={verification?.brokenAt === e.seq ? 'broken' : undefined}>
                  <td className="num">{e.seq}</td>
                  <td className="nowrap">{formatDateTime(e.at)}</td>
                  <td>
                    <code>{e.actor}</code>
                  </td>
                  <td>{e.action}</td>
                  <td>{e.object ? <code>{e.object}</code> : '–'}</td>
                  <td className={e.outcome === 'success' ? 'ok' : 'bad'}>{e.outcome}</td>
                  <td className="details-cell">{detailsText(e.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

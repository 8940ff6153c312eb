import { Link } from 'react-router-dom';
import { decisionFileUrl, type Decision } from '@openehds/client';
import { fmt, formatDate, formatDateTime } from '../i18n/format';
import { Badge } from './Badge';
import { exportFileName } from './content-edit';
import { statusBadge } from './status-text';
import { applicationsText as t } from './strings';

const [verifyBefore, verifyAfter] = t.file.verifyNote.split('{command}');

/**
 * The HDAB's signed decision (Art. 68(3), (9), (10)): outcome, reasons, the permit's number,
 * validity and conditions, and the signed file to download and check with `ehds verify FILE`.
 */
export function DecisionView({
  applicationId,
  reference,
  decision,
}: {
  applicationId: string;
  reference: string;
  decision: Decision;
}) {
  const doc = decision.signed?.document;
  const permit = doc?.permit ?? null;
  return (
    <section aria-labelledby={`decision-${applicationId}`} className="card" data-testid="decision">
      <h2 id={`decision-${applicationId}`}>{t.file.decision}</h2>
      <dl className="key-values">
        <div>
          <dt>{t.file.outcome}</dt>
          <dd>
            <Badge badge={statusBadge('DECISION_ISSUED', decision.outcome)} testId="decision-outcome" />
          </dd>
        </div>
        <div>
          <dt>{t.file.decidedAt}</dt>
          <dd>{formatDateTime(decision.decidedAt)}</dd>
        </div>
        {decision.permitId && (
          <div>
            <dt>{t.file.permitNumber}</dt>
            <dd>
              <Link to={`/permits/${encodeURIComponent(decision.permitId)}`}>
                <code data-testid="permit-number">{decision.permitId}</code>
              </Link>
            </dd>
          </div>
        )}
        {permit && (
          <>
            <div>
              <dt>{t.file.validity}</dt>
              <dd>
                {fmt(t.file.validityValue, {
                  from: formatDate(permit.validFrom),
                  until: formatDate(permit.validUntil),
                })}
              </dd>
            </div>
            <div>
              <dt>{t.file.grantedDatasets}</dt>
              <dd>{permit.datasets.map((d) => d.title || d.datasetId).join(', ') || t.content.none}</dd>
            </div>
            <div>
              <dt>{t.file.optOutGranted}</dt>
              <dd>{permit.optOutException.granted ? t.file.yes : t.file.no}</dd>
            </div>
            <div>
              <dt>{t.file.conditions}</dt>
              <dd>
                {permit.conditions.length ? (
                  <ul className="plain-list">
                    {permit.conditions.map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                ) : (
                  t.content.none
                )}
              </dd>
            </div>
          </>
        )}
      </dl>
      {doc?.reasons && (
        <>
          <h3>{t.file.reasons}</h3>
          <p className="quote">{doc.reasons}</p>
        </>
      )}
      <p>
        <a
          className="button"
          href={decisionFileUrl(applicationId)}
          download={exportFileName(`decision-${reference}`, 'json')}
          data-testid="download-decision"
        >
          {t.file.downloadDecision}
        </a>
      </p>
      <p className="hint">
        {verifyBefore}
        <code>{t.file.verifyCommand}</code>
        {verifyAfter}
      </p>
    </section>
  );
}

import { useId, useState, type FormEvent } from 'react';
import type { ApplicationView, CrossBorderCopy } from '@openehds/client';
import { ErrorBox } from '../../components/ErrorBox';
import { FieldErrors } from '../../components/fields';
import { ui } from '../../i18n/ui';
import { fmt, formatDateTime, nameOf } from '../../i18n/format';
import { saveText } from '../../permits/download';
import { Badge } from '../Badge';
import { FeeTable } from '../FeeTable';
import { statusBadge } from '../status-text';
import { crossBorderApi } from './api';
import { deliveryText, peerDecisionFileName, sortedCopies } from './copy-text';
import { crossBorderText as t } from './strings';

const [verifyBefore, verifyAfter] = t.verifyNote.split('{command}');

/**
 * The copies of a case file forwarded to other countries' HDABs (Art. 67(3), 68(5)), one per country:
 * the peer, its reference and status, its open request for information and fee estimate, and its
 * signed decision to download. The applicant answers the request and accepts the estimate here;
 * staff read. Renders nothing for a file that was not forwarded.
 */
export function CrossBorderPanel({
  view,
  onView,
  applicant,
}: {
  view: ApplicationView;
  onView?: (v: ApplicationView) => void;
  /** The applicant's view: with the answer and acceptance actions. */
  applicant: boolean;
}) {
  const id = useId();
  const copies = sortedCopies(view.crossBorder);
  if (copies.length === 0) return null;
  const update = (next: CrossBorderCopy[]) => onView?.({ ...view, crossBorder: next });
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="cross-border">
      <h2 id={`${id}-title`}>{t.title}</h2>
      <p>{applicant ? t.introApplicant : t.introStaff}</p>
      {copies.map((c) => (
        <CopyView
          key={c.country}
          applicationId={view.id}
          copy={c}
          applicant={applicant && Boolean(onView)}
          onCopies={update}
        />
      ))}
    </section>
  );
}

function CopyView({
  applicationId,
  copy: c,
  applicant,
  onCopies,
}: {
  applicationId: string;
  copy: CrossBorderCopy;
  applicant: boolean;
  onCopies: (copies: CrossBorderCopy[]) => void;
}) {
  const id = useId();
  const country = nameOf(ui.countries, c.country);
  return (
    <article aria-labelledby={`${id}-title`} className="card" data-testid={`cross-border-${c.country}`}>
      <h3 id={`${id}-title`}>
        {country} <span className="muted">({c.country})</span>
      </h3>
      <dl className="key-values">
        <div>
          <dt>{t.peer}</dt>
          <dd>
            {c.peer ? <a href={c.peer.url}>{c.peer.name}</a> : <span className="muted">{t.peerUnknown}</span>}
          </dd>
        </div>
        <div>
          <dt>{t.datasets}</dt>
          <dd>{c.datasets.join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t.forwarded}</dt>
          <dd>
            {deliveryText(c.forward)}
            {c.forward.lastError && !c.forward.deliveredAt && (
              <div className="muted small">{fmt(t.lastError, { error: c.forward.lastError })}</div>
            )}
          </dd>
        </div>
        <div>
          <dt>{t.remoteReference}</dt>
          <dd>
            {c.remoteReference ? <code>{c.remoteReference}</code> : <span className="muted">{t.notYet}</span>}
          </dd>
        </div>
        <div>
          <dt>{t.remoteStatus}</dt>
          <dd data-testid="remote-status">
            {c.remoteStatus ? (
              <Badge badge={statusBadge(c.remoteStatus, c.remoteOutcome)} />
            ) : (
              <span className="muted">{t.notYet}</span>
            )}
          </dd>
        </div>
        {c.remoteReason && (
          <div>
            <dt>{t.reason}</dt>
            <dd className="quote">{c.remoteReason}</dd>
          </div>
        )}
        {c.lastSyncAt && (
          <div>
            <dt>{t.lastSync}</dt>
            <dd>{formatDateTime(c.lastSyncAt)}</dd>
          </div>
        )}
      </dl>
      {c.informationRequest && (
        <PeerInformation applicationId={applicationId} copy={c} applicant={applicant} onCopies={onCopies} />
      )}
      {c.feeEstimate && (
        <PeerFees applicationId={applicationId} copy={c} applicant={applicant} onCopies={onCopies} />
      )}
      <h4>{t.decision}</h4>
      {c.decision ? (
        <>
          <dl className="key-values">
            <div>
              <dt>{t.outcome}</dt>
              <dd>
                <Badge badge={statusBadge('DECISION_ISSUED', c.decision.outcome)} testId="remote-outcome" />
              </dd>
            </div>
            <div>
              <dt>{t.signedAt}</dt>
              <dd>{formatDateTime(c.decision.signedAt)}</dd>
            </div>
          </dl>
          <p>
            <button
              type="button"
              className="button secondary"
              onClick={() => saveText(JSON.stringify(c.decision!.signed, null, 2), peerDecisionFileName(c))}
              data-testid={`download-remote-decision-${c.country}`}
            >
              {t.downloadDecision}
            </button>
          </p>
          <p className="hint">
            {verifyBefore}
            <code>{t.verifyCommand}</code>
            {verifyAfter}
          </p>
        </>
      ) : (
        <p className="muted">{t.noDecision}</p>
      )}
    </article>
  );
}

function PeerInformation({
  applicationId,
  copy: c,
  applicant,
  onCopies,
}: {
  applicationId: string;
  copy: CrossBorderCopy;
  applicant: boolean;
  onCopies: (copies: CrossBorderCopy[]) => void;
}) {
  const id = useId();
  const r = c.informationRequest!;
  const [answer, setAnswer] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!answer.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      onCopies(
        (await crossBorderApi.answerInformationRequest(applicationId, c.country, answer.trim())).copies,
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={r.open ? 'alert' : undefined} data-testid={`cross-border-information-${c.country}`}>
      <h4>{t.information}</h4>
      <p>{fmt(t.informationAsked, { at: formatDateTime(r.requestedAt) })}</p>
      <blockquote className="quote">{r.reason}</blockquote>
      {r.answer ? (
        <>
          <p>{fmt(t.informationAnswered, { at: formatDateTime(r.answer.answeredAt) })}</p>
          <blockquote className="quote">{r.answer.text}</blockquote>
          <p className="muted small">
            {r.answer.delivery?.deliveredAt
              ? fmt(t.delivery, { at: formatDateTime(r.answer.delivery.deliveredAt) })
              : t.deliveryPending}
          </p>
        </>
      ) : (
        r.open && <p>{t.informationOpen}</p>
      )}
      {applicant && r.open && (
        <form onSubmit={(e) => void send(e)} className="form" noValidate>
          <div className={`field ${missing ? 'has-error' : ''}`}>
            <label htmlFor={`${id}-answer`}>
              {fmt(t.answer, { peer: c.peer?.name ?? c.country })}
              <span aria-hidden="true"> *</span>
            </label>
            <textarea
              id={`${id}-answer`}
              rows={4}
              value={answer}
              required
              aria-invalid={missing || undefined}
              aria-describedby={missing ? `${id}-err` : undefined}
              onChange={(e) => setAnswer(e.target.value)}
              data-testid={`cross-border-answer-${c.country}`}
            />
            <FieldErrors id={`${id}-err`} errors={missing ? [t.answerMissing] : undefined} />
          </div>
          {error != null && <ErrorBox error={error} />}
          <div>
            <button type="submit" className="button" disabled={busy}>
              {busy ? t.sending : t.sendAnswer}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function PeerFees({
  applicationId,
  copy: c,
  applicant,
  onCopies,
}: {
  applicationId: string;
  copy: CrossBorderCopy;
  applicant: boolean;
  onCopies: (copies: CrossBorderCopy[]) => void;
}) {
  const f = c.feeEstimate!;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      onCopies((await crossBorderApi.acceptFeeEstimate(applicationId, c.country)).copies);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid={`cross-border-fees-${c.country}`}>
      <h4>{t.fees}</h4>
      <p className="muted">{fmt(t.feesSent, { at: formatDateTime(f.sentAt) })}</p>
      <FeeTable estimate={f.estimate} caption={t.fees} />
      {f.accepted && f.acceptedAt ? (
        <p className="alert alert-ok">
          {fmt(applicant ? t.feesAccepted : t.feesStaffAccepted, { at: formatDateTime(f.acceptedAt) })}
        </p>
      ) : (
        <>
          <p>{t.feesOpen}</p>
          {applicant && !c.decision && (
            <button type="button" className="button" disabled={busy} onClick={() => void accept()}>
              {busy ? t.accepting : t.acceptFees}
            </button>
          )}
        </>
      )}
      {error != null && <ErrorBox error={error} />}
    </div>
  );
}

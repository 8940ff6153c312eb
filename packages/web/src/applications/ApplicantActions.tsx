import { useId, useRef, useState, type FormEvent } from 'react';
import type { ApplicationView } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { FieldErrors } from '../components/fields';
import { fmt, formatDateTime, inSentence } from '../i18n/format';
import { applicationsText as t } from './strings';
import { applicationsApi } from './api';
import { FeeTable } from './FeeTable';
import { latestInformationRequest } from './status-text';

/**
 * What the applicant does on a submitted file: answer a request for information (Art. 68(4)),
 * accept the fee estimate or withdraw (Art. 62(5)), agree to an anonymised answer (Art. 68(3)).
 * Each calls the hub and hands back the updated file.
 */

/** The request for information and the answer box; `beforeSend` saves pending edits first. */
export function InformationAnswer({
  view,
  onView,
  beforeSend,
}: {
  view: ApplicationView;
  onView: (v: ApplicationView) => void;
  beforeSend?: () => Promise<boolean>;
}) {
  const id = useId();
  const asked = latestInformationRequest(view.history);
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);

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
      if (beforeSend && !(await beforeSend())) return;
      onView(await applicationsApi.provideInformation(view.id, answer.trim()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card alert" data-testid="information-request">
      <h2 id={`${id}-title`}>{t.file.informationTitle}</h2>
      <p>{t.file.informationIntro}</p>
      {asked && (
        <>
          <p>{fmt(t.file.informationAsked, { at: formatDateTime(asked.at) })}</p>
          <blockquote className="quote">{asked.message}</blockquote>
        </>
      )}
      <form onSubmit={(e) => void send(e)} className="form" noValidate>
        <div className={`field ${missing ? 'has-error' : ''}`}>
          <label htmlFor={`${id}-answer`}>
            {t.file.answer}
            <span aria-hidden="true"> *</span>
          </label>
          <p id={`${id}-hint`} className="hint">
            {t.file.answerHint}
          </p>
          <textarea
            id={`${id}-answer`}
            rows={5}
            value={answer}
            required
            aria-invalid={missing || undefined}
            aria-describedby={`${id}-hint${missing ? ` ${id}-err` : ''}`}
            onChange={(e) => setAnswer(e.target.value)}
            data-testid="information-answer"
          />
          <FieldErrors id={`${id}-err`} errors={missing ? [t.file.answerMissing] : undefined} />
        </div>
        {error != null && <ErrorBox error={error} />}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t.file.sending : t.file.sendAnswer}
        </button>
      </form>
    </section>
  );
}

/** The fee estimate with Accept (and Withdraw beside it, Art. 62(5)). */
export function FeeEstimatePanel({
  view,
  onView,
}: {
  view: ApplicationView;
  onView: (v: ApplicationView) => void;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sent = view.feeEstimate;
  if (!sent) return null;
  const open = !sent.acknowledgedAt && view.allowedEvents.includes('withdraw');

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      const estimate = await applicationsApi.acceptFeeEstimate(view.id);
      onView({ ...view, feeEstimate: estimate });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="fee-estimate">
      <h2 id={`${id}-title`}>{t.file.fees}</h2>
      <p>{t.file.feesIntro}</p>
      <p className="muted">{fmt(t.file.feesSentAt, { at: formatDateTime(sent.sentAt) })}</p>
      <FeeTable estimate={sent.estimate} caption={t.file.fees} />
      {sent.acknowledgedAt ? (
        <p className="alert alert-ok">
          {fmt(t.file.feesAccepted, { at: formatDateTime(sent.acknowledgedAt) })}
        </p>
      ) : (
        open && (
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void accept()}
              data-testid="accept-fees"
            >
              {busy ? t.file.accepting : t.file.acceptFees}
            </button>
            <WithdrawButton view={view} onView={onView} />
          </div>
        )
      )}
      {error != null && <ErrorBox error={error} />}
    </section>
  );
}

/**
 * Withdraw, with a confirmation step that asks for the reason; final, so focus moves into the
 * confirmation and back to the button on cancel.
 */
export function WithdrawButton({
  view,
  onView,
}: {
  view: ApplicationView;
  onView: (v: ApplicationView) => void;
}) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const kind = inSentence(t.kinds[view.kind]);
  if (!view.allowedEvents.includes('withdraw')) return null;

  async function confirm(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onView(await applicationsApi.withdraw(view.id, reason.trim()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!asking)
    return (
      <button
        ref={opener}
        type="button"
        className="button danger"
        onClick={() => setAsking(true)}
        data-testid="withdraw"
      >
        {fmt(t.file.withdraw, { kind })}
      </button>
    );
  return (
    <form
      onSubmit={(e) => void confirm(e)}
      className="form card"
      noValidate
      aria-labelledby={`${id}-warn`}
      data-testid="withdraw-confirm"
    >
      <p id={`${id}-warn`} className="alert alert-error">
        {t.file.withdrawWarning}
      </p>
      <div className={`field ${missing ? 'has-error' : ''}`}>
        <label htmlFor={`${id}-reason`}>
          {t.file.withdrawReason}
          <span aria-hidden="true"> *</span>
        </label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          value={reason}
          required
          // The confirmation opened on request: put the user where they type.
          autoFocus
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-err` : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        <FieldErrors id={`${id}-err`} errors={missing ? [t.file.withdrawReasonMissing] : undefined} />
      </div>
      {error != null && <ErrorBox error={error} />}
      <div className="actions">
        <button type="submit" className="button danger" disabled={busy} data-testid="withdraw-confirm-button">
          {busy ? t.file.withdrawing : t.file.withdrawConfirm}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setAsking(false);
            setMissing(false);
            setTimeout(() => opener.current?.focus(), 0);
          }}
        >
          {fmt(t.file.withdrawCancel, { kind })}
        </button>
      </div>
    </form>
  );
}

/** Art. 68(3): the applicant's agreement to an anonymised answer instead of a permit. */
export function AnonymisedAnswerConsent({
  view,
  onView,
}: {
  view: ApplicationView;
  onView: (v: ApplicationView) => void;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  if (view.kind !== 'application') return null;
  const final = view.status === 'DECISION_ISSUED' || view.status === 'WITHDRAWN';

  async function change(accepts: boolean) {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onView(await applicationsApi.setAnonymisedAnswerConsent(view.id, accepts));
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="anonymised-consent">
      <h2 id={`${id}-title`}>{t.file.consentTitle}</h2>
      <p>{t.file.consentIntro}</p>
      <div className="field checkbox">
        <input
          type="checkbox"
          id={`${id}-consent`}
          checked={view.acceptsAnonymisedAnswer}
          disabled={busy || final}
          onChange={(e) => void change(e.target.checked)}
        />
        <label htmlFor={`${id}-consent`}>{t.file.consentLabel}</label>
      </div>
      <div role="status">{saved && <p className="muted">{t.file.consentSaved}</p>}</div>
      {error != null && <ErrorBox error={error} />}
    </section>
  );
}

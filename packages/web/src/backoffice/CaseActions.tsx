import { useId, useState, type FormEvent } from 'react';
import type { ApplicationView, StaffTransition } from '@openehds/client';
import { applicationsApi } from '../applications/api';
import { ErrorBox } from '../components/ErrorBox';
import { FieldErrors } from '../components/fields';
import { fmt, formatDateTime } from '../i18n/format';
import { canExtend, staffActions } from './queue-display';
import { backofficeText as t } from './strings';

/**
 * Status changes staff may make now, as the hub lists them in `allowedEvents`: start pre-screening,
 * request information (with a required message), declare complete; and the one extension of the
 * decision period, with reasons.
 */
export function CaseActions({
  view,
  onView,
}: {
  view: ApplicationView;
  onView: (v: ApplicationView) => void;
}) {
  const id = useId();
  const actions = staffActions(view.allowedEvents);
  const [busy, setBusy] = useState<StaffTransition | 'extend' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [messageMissing, setMessageMissing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);

  async function run(event: StaffTransition, text?: string) {
    setBusy(event);
    setError(null);
    try {
      onView(await applicationsApi.transition(view.id, event, text));
      setMessage('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  async function askInformation(e: FormEvent) {
    e.preventDefault();
    setMessageMissing(!message.trim());
    if (message.trim()) await run('request-information', message);
  }

  async function extend(e: FormEvent) {
    e.preventDefault();
    setReasonMissing(!reason.trim());
    if (!reason.trim()) return;
    setBusy('extend');
    setError(null);
    try {
      onView(await applicationsApi.extendDecisionPeriod(view.id, reason.trim()));
      setReason('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="case-actions">
      <h2 id={`${id}-title`}>{t.case.actions}</h2>
      {actions.length === 0 && !canExtend(view) && <p>{t.case.actionsNone}</p>}
      {error != null && <ErrorBox error={error} />}
      <div className="actions">
        {actions.includes('start-pre-screening') && (
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void run('start-pre-screening')}
            data-testid="action-start-pre-screening"
          >
            {t.case.startPreScreening}
          </button>
        )}
        {actions.includes('complete') && (
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            aria-describedby={`${id}-complete-hint`}
            onClick={() => void run('complete')}
            data-testid="action-complete"
          >
            {t.case.complete}
          </button>
        )}
      </div>
      {actions.includes('complete') && (
        <p id={`${id}-complete-hint`} className="hint">
          {t.case.completeHint}
        </p>
      )}
      {actions.includes('request-information') && (
        <form onSubmit={(e) => void askInformation(e)} className="form" noValidate>
          <h3>{t.case.requestInformation}</h3>
          <div className={`field ${messageMissing ? 'has-error' : ''}`}>
            <label htmlFor={`${id}-msg`}>
              {t.case.informationMessage}
              <span aria-hidden="true"> *</span>
            </label>
            <p id={`${id}-msg-hint`} className="hint">
              {t.case.requestInformationHint}
            </p>
            <textarea
              id={`${id}-msg`}
              rows={4}
              value={message}
              required
              aria-invalid={messageMissing || undefined}
              aria-describedby={`${id}-msg-hint${messageMissing ? ` ${id}-msg-err` : ''}`}
              onChange={(e) => setMessage(e.target.value)}
              data-testid="information-message"
            />
            <FieldErrors
              id={`${id}-msg-err`}
              errors={messageMissing ? [t.case.informationMissing] : undefined}
            />
          </div>
          <button
            type="submit"
            className="button secondary"
            disabled={busy !== null}
            data-testid="action-request-information"
          >
            {busy === 'request-information' ? t.case.working : t.case.sendRequest}
          </button>
        </form>
      )}
      {view.extension && (
        <p className="alert">
          {fmt(t.case.extended, { at: formatDateTime(view.extension.at), reason: view.extension.reason })}
        </p>
      )}
      {canExtend(view) && (
        <form onSubmit={(e) => void extend(e)} className="form" noValidate data-testid="extension">
          <h3>{t.case.extension}</h3>
          <p className="hint">{t.case.extensionIntro}</p>
          <div className={`field ${reasonMissing ? 'has-error' : ''}`}>
            <label htmlFor={`${id}-ext`}>
              {t.case.extensionReason}
              <span aria-hidden="true"> *</span>
            </label>
            <textarea
              id={`${id}-ext`}
              rows={3}
              value={reason}
              required
              aria-invalid={reasonMissing || undefined}
              aria-describedby={reasonMissing ? `${id}-ext-err` : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
            <FieldErrors
              id={`${id}-ext-err`}
              errors={reasonMissing ? [t.case.extensionMissing] : undefined}
            />
          </div>
          <button type="submit" className="button secondary" disabled={busy !== null}>
            {busy === 'extend' ? t.case.working : t.case.extend}
          </button>
        </form>
      )}
    </section>
  );
}

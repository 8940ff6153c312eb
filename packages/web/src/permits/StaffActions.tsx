import { useId, useRef, useState, type FormEvent } from 'react';
import type { PermitView } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { FieldErrors } from '../components/fields';
import { fmt, formatDate } from '../i18n/format';
import { AmendForm } from './AmendForm';
import { permitsApi } from './api';
import { maxRenewalEnd, renewInput, type FormErrors } from './permit-forms';
import { renewalState } from './permit-text';
import { permitsText as t } from './strings';

const s = t.staff;

/**
 * What HDAB staff do with the version in force: amend it (D6.3), renew it once on the applicant's
 * request (Art. 68(12)) or revoke it (Art. 63), with an inline confirmation step.
 */
export function StaffActions({
  view,
  onSuccessor,
  onRevoked,
}: {
  view: PermitView;
  /** An amendment or renewal issued a new version. */
  onSuccessor: (next: PermitView) => void;
  onRevoked: (view: PermitView) => void;
}) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="permit-staff-actions">
      <h2 id={`${id}-title`}>{s.title}</h2>
      {!view.current && renewalState(view, new Date()) === 'requested' ? (
        <RenewForm view={view} onRenewed={onSuccessor} />
      ) : !view.current ? (
        <p>{s.notCurrent}</p>
      ) : (
        <>
          <AmendForm view={view} onAmended={onSuccessor} />
          <hr />
          <RenewForm view={view} onRenewed={onSuccessor} />
          <hr />
          <RevokeForm view={view} onRevoked={onRevoked} />
        </>
      )}
    </section>
  );
}

function RenewForm({ view, onRenewed }: { view: PermitView; onRenewed: (next: PermitView) => void }) {
  const id = useId();
  const request = view.renewal.request;
  const [until, setUntil] = useState(request?.requestedUntil ? formatDate(request.requestedUntil) : '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const state = renewalState(view, new Date());
  const end = formatDate(view.validUntil);

  async function send(e: FormEvent) {
    e.preventDefault();
    const checked = renewInput({ validUntil: until, reason }, view.validUntil);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    setError(null);
    try {
      onRenewed(await permitsApi.renew(view.id, checked.input));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="renew">
      <h3 id={`${id}-title`}>{s.renew}</h3>
      <p className="hint">{s.renewIntro}</p>
      {state === 'renewed' && <p>{t.renewal.alreadyRenewed}</p>}
      {(state === 'open' || state === 'late') && <p>{t.renewal.staffWaiting}</p>}
      {state === 'requested' && (
        <form onSubmit={(e) => void send(e)} className="form" noValidate aria-labelledby={`${id}-title`}>
          <div className={`field ${errors.validUntil ? 'has-error' : ''}`}>
            <label htmlFor={`${id}-until`}>
              {s.renewUntil}
              <span aria-hidden="true"> *</span>
            </label>
            <p id={`${id}-until-hint`} className="hint">
              {fmt(s.renewUntilHint, { date: end })}
            </p>
            <input
              id={`${id}-until`}
              type="date"
              value={until}
              min={end}
              max={maxRenewalEnd(view.validUntil)}
              required
              aria-invalid={errors.validUntil ? true : undefined}
              aria-describedby={`${id}-until-hint${errors.validUntil ? ` ${id}-until-err` : ''}`}
              onChange={(e) => setUntil(e.target.value)}
              data-testid="renew-until"
            />
            <FieldErrors
              id={`${id}-until-err`}
              errors={errors.validUntil ? [errors.validUntil] : undefined}
            />
          </div>
          <div className={`field ${errors.reason ? 'has-error' : ''}`}>
            <label htmlFor={`${id}-reason`}>
              {s.reason}
              <span aria-hidden="true"> *</span>
            </label>
            <textarea
              id={`${id}-reason`}
              rows={3}
              value={reason}
              required
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={errors.reason ? `${id}-reason-err` : undefined}
              onChange={(e) => setReason(e.target.value)}
              data-testid="renew-reason"
            />
            <FieldErrors id={`${id}-reason-err`} errors={errors.reason ? [errors.reason] : undefined} />
          </div>
          {error != null && <ErrorBox error={error} />}
          <div>
            <button type="submit" className="button" disabled={busy} data-testid="renew-submit">
              {busy ? s.working : s.renewSubmit}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** Revocation with an inline confirmation step: focus moves into it, and back to the opener on cancel. */
function RevokeForm({ view, onRevoked }: { view: PermitView; onRevoked: (v: PermitView) => void }) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const opener = useRef<HTMLButtonElement>(null);

  async function confirm(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      onRevoked(await permitsApi.revoke(view.id, reason.trim()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="revoke">
      <h3>{s.revoke}</h3>
      <p className="hint">{s.revokeIntro}</p>
      {!asking ? (
        <button
          ref={opener}
          type="button"
          className="button danger"
          onClick={() => setAsking(true)}
          data-testid="revoke-start"
        >
          {s.revokeStart}
        </button>
      ) : (
        <form
          onSubmit={(e) => void confirm(e)}
          className="form card"
          noValidate
          aria-labelledby={`${id}-warn`}
          data-testid="revoke-confirm"
        >
          <p id={`${id}-warn`} className="alert alert-error">
            {fmt(s.revokeWarning, { number: view.id })}
          </p>
          <div className={`field ${missing ? 'has-error' : ''}`}>
            <label htmlFor={`${id}-reason`}>
              {s.revokeReason}
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
              data-testid="revoke-reason"
            />
            <FieldErrors id={`${id}-err`} errors={missing ? [s.reasonMissing] : undefined} />
          </div>
          {error != null && <ErrorBox error={error} />}
          <div className="actions">
            <button
              type="submit"
              className="button danger"
              disabled={busy}
              data-testid="revoke-confirm-button"
            >
              {busy ? s.working : s.revokeConfirm}
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
              {s.revokeCancel}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

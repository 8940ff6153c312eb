import { useId, useState, type FormEvent } from 'react';
import type { PermitView, RenewalRequest } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { fmt, formatDate, formatDateTime } from '../i18n/format';
import { permitsText as t } from './strings';
import { permitsApi } from './api';
import { renewalState } from './permit-text';

/**
 * Where the one renewal of the permit stands (Art. 68(12)): its deadline, a pending request, or why
 * it is no longer possible; the applicant asks for it here before the deadline the hub reports.
 */
export function RenewalSection({
  view,
  applicant,
  onRequested,
}: {
  view: PermitView;
  applicant: boolean;
  onRequested: (request: RenewalRequest) => void;
}) {
  const id = useId();
  const state = renewalState(view, new Date());
  const deadline = formatDate(view.renewal.deadline);
  const request = view.renewal.request;
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="permit-renewal">
      <h2 id={`${id}-title`}>{t.renewal.title}</h2>
      <p>{t.renewal.intro}</p>
      {state === 'open' && <p>{fmt(t.renewal.deadline, { date: deadline })}</p>}
      {state === 'late' && <p className="alert">{fmt(t.renewal.deadlinePassed, { date: deadline })}</p>}
      {state === 'renewed' && <p>{t.renewal.alreadyRenewed}</p>}
      {state === 'not-current' && <p>{t.renewal.notCurrent}</p>}
      {request && (
        <div className="alert" data-testid="renewal-requested">
          <p>{fmt(t.renewal.requested, { at: formatDateTime(request.requestedAt) })}</p>
          {request.requestedUntil && (
            <p>{fmt(t.renewal.requestedUntil, { date: formatDate(request.requestedUntil) })}</p>
          )}
          {request.reason && <p>{fmt(t.renewal.requestedReason, { reason: request.reason })}</p>}
        </div>
      )}
      {applicant && state === 'open' && <RenewalRequestForm view={view} onRequested={onRequested} />}
    </section>
  );
}

function RenewalRequestForm({
  view,
  onRequested,
}: {
  view: PermitView;
  onRequested: (request: RenewalRequest) => void;
}) {
  const id = useId();
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function send(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onRequested(
        await permitsApi.requestRenewal(view.id, {
          ...(until ? { validUntil: until } : {}),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void send(e)} className="form" noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.renewal.request}</h3>
      <p className="hint">{t.renewal.requestIntro}</p>
      <div className="field">
        <label htmlFor={`${id}-until`}>{t.renewal.wishedEnd}</label>
        <p id={`${id}-until-hint`} className="hint">
          {t.renewal.wishedEndHint}
        </p>
        <input
          id={`${id}-until`}
          type="date"
          value={until}
          min={formatDate(view.validUntil)}
          aria-describedby={`${id}-until-hint`}
          onChange={(e) => setUntil(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t.renewal.reason}</label>
        <textarea id={`${id}-reason`} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      {error != null && <ErrorBox error={error} />}
      <div>
        <button type="submit" className="button" disabled={busy} data-testid="request-renewal">
          {busy ? t.renewal.sending : t.renewal.request}
        </button>
      </div>
    </form>
  );
}

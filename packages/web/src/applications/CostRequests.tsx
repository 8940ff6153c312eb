import { useId, useState, type FormEvent } from 'react';
import type { CostRequest } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { FieldErrors } from '../components/fields';
import { Loading } from '../components/Loading';
import { fmt, formatDateTime } from '../i18n/format';
import { useAsync } from '../lib/use-async';
import { applicationsApi } from './api';
import { formatEuro, parseAmount } from './money';
import { applicationsText as t } from './strings';
import './applications.css';

/**
 * The data holder's cost requests (Art. 62(2)): for each file that names one of its datasets, the
 * holder states its preparation cost, which the HDAB adds to the applicant's fee estimate.
 */
export function CostRequests() {
  const id = useId();
  const requests = useAsync((signal) => applicationsApi.costRequests(signal), []);
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="cost-requests">
      <h2 id={`${id}-title`}>{t.holder.title}</h2>
      <p>{t.holder.intro}</p>
      {requests.loading && !requests.data && <Loading />}
      {requests.error != null && <ErrorBox error={requests.error} onRetry={requests.reload} />}
      {requests.data?.length === 0 && <p>{t.holder.none}</p>}
      {requests.data?.map((r) => (
        <CostRequestForm key={r.applicationId} request={r} onSaved={requests.setData} />
      ))}
    </section>
  );
}

function CostRequestForm({
  request: r,
  onSaved,
}: {
  request: CostRequest;
  onSaved: (items: CostRequest[]) => void;
}) {
  const id = useId();
  const [amount, setAmount] = useState(r.amount === null ? '' : String(r.amount));
  const [note, setNote] = useState(r.note ?? '');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  async function send(e: FormEvent) {
    e.preventDefault();
    const value = parseAmount(amount);
    setInvalid(value === null);
    setSaved(false);
    if (value === null) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await applicationsApi.answerCostRequest(r.applicationId, value, note));
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={(e) => void send(e)}
      className="form card"
      noValidate
      aria-labelledby={`${id}-ref`}
      data-testid={`cost-request-${r.reference}`}
    >
      <h3 id={`${id}-ref`}>
        <code>{r.reference}</code> {r.title}
      </h3>
      <p className="muted">
        {t.holder.datasets}: {r.datasets.join(', ') || '–'} ·{' '}
        {fmt(t.holder.asked, { at: formatDateTime(r.askedAt) })}
      </p>
      {r.answeredAt && r.amount !== null && (
        <p>{fmt(t.holder.answered, { at: formatDateTime(r.answeredAt), amount: formatEuro(r.amount) })}</p>
      )}
      <div className="two-col">
        <div className={`field ${invalid ? 'has-error' : ''}`}>
          <label htmlFor={`${id}-amount`}>
            {t.holder.amount}
            <span aria-hidden="true"> *</span>
          </label>
          <input
            id={`${id}-amount`}
            type="text"
            inputMode="decimal"
            value={amount}
            required
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-amount-err` : undefined}
            onChange={(e) => setAmount(e.target.value)}
            data-testid="cost-amount"
          />
          <FieldErrors id={`${id}-amount-err`} errors={invalid ? [t.holder.amountInvalid] : undefined} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t.holder.note}</label>
          <p id={`${id}-note-hint`} className="hint">
            {t.holder.noteHint}
          </p>
          <input
            id={`${id}-note`}
            type="text"
            value={note}
            maxLength={2000}
            aria-describedby={`${id}-note-hint`}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      </div>
      {error != null && <ErrorBox error={error} />}
      <div role="status">
        {saved && <p className="alert alert-ok">{fmt(t.holder.saved, { reference: r.reference })}</p>}
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? t.holder.saving : r.answeredAt ? t.holder.update : t.holder.save}
      </button>
    </form>
  );
}

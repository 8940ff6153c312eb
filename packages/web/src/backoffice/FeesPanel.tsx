import { useId, useState } from 'react';
import type { ApplicationView } from '@openehds/client';
import { applicationsApi } from '../applications/api';
import { FeeTable } from '../applications/FeeTable';
import { formatEuro } from '../applications/money';
import { ErrorBox } from '../components/ErrorBox';
import { fmt, formatDateTime } from '../i18n/format';
import { backofficeText as t } from './strings';

/**
 * Art. 62: ask the data holders for their preparation costs, see their answers, and send the
 * itemised fee estimate the applicant accepts (or withdraws) before a grant.
 */
export function FeesPanel({ view, onView }: { view: ApplicationView; onView: (v: ApplicationView) => void }) {
  const id = useId();
  const [busy, setBusy] = useState<'ask' | 'send' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const costs = view.holderCosts ?? [];
  const mayAsk = view.status === 'PRE_SCREENING' || view.status === 'PROCESSING';
  const maySend = view.status === 'PROCESSING';
  const sent = view.feeEstimate;

  async function ask() {
    setBusy('ask');
    setError(null);
    try {
      onView({ ...view, holderCosts: await applicationsApi.askHolderCosts(view.id) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  async function send() {
    setBusy('send');
    setError(null);
    try {
      onView({ ...view, feeEstimate: await applicationsApi.sendFeeEstimate(view.id) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="fees">
      <h2 id={`${id}-title`}>{t.fees.title}</h2>
      <h3>{t.fees.holders}</h3>
      <p>{t.fees.holdersIntro}</p>
      {costs.length === 0 ? (
        <p className="muted">{t.fees.noHolders}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="holder-costs">
            <thead>
              <tr>
                <th scope="col">{t.fees.holder}</th>
                <th scope="col" className="num">
                  {t.fees.amount}
                </th>
                <th scope="col">{t.fees.note}</th>
                <th scope="col">{t.fees.answeredAt}</th>
              </tr>
            </thead>
            <tbody>
              {costs.map((c) => (
                <tr key={c.organisationId}>
                  <th scope="row">
                    {c.holder}
                    <div className="muted small">{fmt(t.fees.asked, { at: formatDateTime(c.askedAt) })}</div>
                  </th>
                  <td className="num">{c.amount === null ? '–' : formatEuro(c.amount)}</td>
                  <td>{c.note ?? ''}</td>
                  <td>{c.answeredAt ? formatDateTime(c.answeredAt) : <em>{t.fees.waiting}</em>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayAsk && (
        <button
          type="button"
          className="button secondary"
          disabled={busy !== null}
          onClick={() => void ask()}
          data-testid="ask-holder-costs"
        >
          {busy === 'ask' ? t.case.working : t.fees.ask}
        </button>
      )}
      <h3>{t.fees.estimate}</h3>
      {sent ? (
        <>
          <p className="muted">{fmt(t.fees.sentAt, { at: formatDateTime(sent.sentAt) })}</p>
          <FeeTable estimate={sent.estimate} caption={t.fees.estimate} />
          <p className={sent.acknowledgedAt ? 'alert alert-ok' : 'alert'}>
            {sent.acknowledgedAt
              ? fmt(t.fees.accepted, { at: formatDateTime(sent.acknowledgedAt) })
              : t.fees.notAccepted}
          </p>
        </>
      ) : (
        <p className="muted">{t.fees.none}</p>
      )}
      {maySend && (
        <>
          <p id={`${id}-send-hint`} className="hint">
            {t.fees.sendHint}
          </p>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            aria-describedby={`${id}-send-hint`}
            onClick={() => void send()}
            data-testid="send-fee-estimate"
          >
            {busy === 'send' ? t.case.working : sent ? t.fees.resend : t.fees.send}
          </button>
        </>
      )}
      {error != null && <ErrorBox error={error} />}
    </section>
  );
}

import { useId, useRef, useState, type Ref } from 'react';
import type { AirlockDecision, AirlockRequestView } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { FieldErrors } from '../components/fields';
import { fmt } from '../i18n/format';
import { airlockApi } from './api';
import { allowedDecisions, fieldMessages } from './airlock-rules';
import { airlockText as t } from './strings';

const DECISIONS: readonly AirlockDecision[] = ['approve', 'return', 'reject'];

/**
 * The decision's fields: a reason for the author and one button per decision, each enabled only as
 * the two reviews allow (approve only when both approved every file). Pure props, for the a11y test.
 */
export function DecisionFields({
  idPrefix,
  allowed,
  reason,
  errors,
  busy,
  onReason,
  onDecide,
  reasonRef,
}: {
  idPrefix: string;
  allowed: readonly AirlockDecision[];
  reason: string;
  errors: string[];
  busy: boolean;
  onReason: (text: string) => void;
  onDecide: (action: AirlockDecision) => void;
  reasonRef?: Ref<HTMLTextAreaElement>;
}) {
  const reasonId = `${idPrefix}-reason`;
  return (
    <>
      <div className={`field ${errors.length ? 'has-error' : ''}`}>
        <label htmlFor={reasonId}>{t.decision.reason}</label>
        <p id={`${reasonId}-hint`} className="hint">
          {t.decision.reasonHint}
        </p>
        <textarea
          id={reasonId}
          ref={reasonRef}
          rows={3}
          value={reason}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={`${reasonId}-hint${errors.length ? ` ${reasonId}-err` : ''}`}
          onChange={(e) => onReason(e.target.value)}
          data-testid="decision-reason"
        />
        <FieldErrors id={`${reasonId}-err`} errors={errors.length ? errors : undefined} />
      </div>
      {!allowed.includes('approve') && (
        <p id={`${idPrefix}-no-approve`} className="hint">
          {t.decision.approveUnavailable}
        </p>
      )}
      <div className="actions">
        {DECISIONS.map((action) => (
          <button
            key={action}
            type="button"
            className={`button ${action === 'approve' ? '' : action === 'reject' ? 'danger' : 'secondary'}`}
            disabled={busy || !allowed.includes(action)}
            aria-describedby={
              action === 'approve' && !allowed.includes('approve') ? `${idPrefix}-no-approve` : undefined
            }
            onClick={() => onDecide(action)}
            data-testid={`decision-${action}`}
          >
            {t.decision[action]}
          </button>
        ))}
      </div>
    </>
  );
}

/** A checker's decision after two reviews; return and reject need a reason for the author. */
export function DecisionPanel({
  view,
  onDone,
}: {
  view: AirlockRequestView;
  onDone: (message: string) => void;
}) {
  const idPrefix = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const allowed = allowedDecisions(
    view.reviews,
    view.files.map((f) => f.name),
  );

  async function decide(action: AirlockDecision) {
    setError(null);
    if (action !== 'approve' && !reason.trim()) {
      setErrors([t.decision.reasonMissing]);
      reasonRef.current?.focus();
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      await airlockApi.decide(view.id, action, reason);
      onDone(t.decision.done[action]!);
    } catch (err) {
      setError(err);
      const messages = fieldMessages(err, 'reason');
      setErrors(messages);
      if (messages.length) reasonRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${idPrefix}-title`} className="card" data-testid="airlock-decision">
      <h2 id={`${idPrefix}-title`}>{t.decision.title}</h2>
      {view.status !== 'REVIEWED' ? (
        <p>{fmt(t.decision.waiting, { n: view.reviews.length })}</p>
      ) : (
        <>
          <p className="hint">{t.decision.intro}</p>
          <DecisionFields
            idPrefix={idPrefix}
            allowed={allowed}
            reason={reason}
            errors={errors}
            busy={busy}
            onReason={setReason}
            onDecide={(a) => void decide(a)}
            reasonRef={reasonRef}
          />
          {error != null && <ErrorBox error={error} />}
        </>
      )}
    </section>
  );
}

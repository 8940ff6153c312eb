import { useId, useRef, useState, type FormEvent } from 'react';
import type { AirlockRequestView } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { FieldErrors } from '../components/fields';
import { fmt } from '../i18n/format';
import { airlockApi } from './api';
import { fieldMessages, maySubmit, mayWithdraw } from './airlock-rules';
import { airlockText as t } from './strings';

/** The note field of a submission (pure props, for the a11y test). */
export function NoteField({
  id,
  value,
  errors,
  onChange,
}: {
  id: string;
  value: string;
  errors: string[];
  onChange: (text: string) => void;
}) {
  return (
    <div className={`field ${errors.length ? 'has-error' : ''}`}>
      <label htmlFor={id}>{t.author.note}</label>
      <p id={`${id}-hint`} className="hint">
        {t.author.noteHint}
      </p>
      <textarea
        id={id}
        rows={4}
        value={value}
        maxLength={5000}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={`${id}-hint${errors.length ? ` ${id}-err` : ''}`}
        onChange={(e) => onChange(e.target.value)}
        data-testid="airlock-note"
      />
      <FieldErrors id={`${id}-err`} errors={errors.length ? errors : undefined} />
    </div>
  );
}

/**
 * What the author does with their request: submit it (with a note) when pending or returned, and
 * withdraw it until it is approved. The checkers' comments on a returned request are shown by the page.
 */
export function AuthorActions({
  view,
  onDone,
}: {
  view: AirlockRequestView;
  onDone: (message: string) => void;
}) {
  const id = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const [note, setNote] = useState(view.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submittable = maySubmit(view.status);
  const withdrawable = mayWithdraw(view.status);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await airlockApi.submit(view.id, note);
      onDone(t.author.submitted);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="airlock-author-actions">
      <h2 id={`${id}-title`}>{t.author.title}</h2>
      {view.status === 'RETURNED' && <p className="alert">{t.author.returned}</p>}
      {view.status === 'RELEASED' && <p>{t.author.released}</p>}
      {view.status === 'REJECTED' && <p>{t.author.rejected}</p>}
      {!submittable && withdrawable && <p>{t.author.waiting}</p>}
      {submittable && (
        <form onSubmit={(e) => void submit(e)} className="form" noValidate aria-labelledby={`${id}-title`}>
          <NoteField
            id={`${id}-note`}
            value={note}
            errors={fieldMessages(error, 'note')}
            onChange={setNote}
          />
          {error != null && <ErrorBox error={error} />}
          <div>
            <button type="submit" className="button" disabled={busy} data-testid="airlock-submit">
              {busy ? t.author.submitting : view.status === 'RETURNED' ? t.author.resubmit : t.author.submit}
            </button>
          </div>
        </form>
      )}
      {withdrawable && <Withdraw view={view} onDone={onDone} />}
    </section>
  );
}

/** Withdrawal with an inline confirmation: focus moves into it, and back to the opener on cancel. */
function Withdraw({ view, onDone }: { view: AirlockRequestView; onDone: (message: string) => void }) {
  const id = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const opener = useRef<HTMLButtonElement>(null);

  async function confirm(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await airlockApi.withdraw(view.id, reason);
      onDone(t.author.withdrawn);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!asking)
    return (
      <p>
        <button
          ref={opener}
          type="button"
          className="button secondary"
          onClick={() => setAsking(true)}
          data-testid="airlock-withdraw"
        >
          {t.author.withdraw}
        </button>
      </p>
    );
  const errors = fieldMessages(error, 'reason');
  return (
    <form
      onSubmit={(e) => void confirm(e)}
      className="form card"
      noValidate
      aria-labelledby={`${id}-warn`}
      data-testid="airlock-withdraw-form"
    >
      <p id={`${id}-warn`} className="alert alert-error">
        {fmt(t.author.withdrawWarning, { reference: view.reference })}
      </p>
      <div className={`field ${errors.length ? 'has-error' : ''}`}>
        <label htmlFor={`${id}-reason`}>{t.author.withdrawReason}</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          value={reason}
          // The confirmation opened on request: put the user where they type.
          autoFocus
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={errors.length ? `${id}-reason-err` : undefined}
          onChange={(e) => setReason(e.target.value)}
          data-testid="airlock-withdraw-reason"
        />
        <FieldErrors id={`${id}-reason-err`} errors={errors.length ? errors : undefined} />
      </div>
      {error != null && <ErrorBox error={error} />}
      <div className="actions">
        <button
          type="submit"
          className="button danger"
          disabled={busy}
          data-testid="airlock-withdraw-confirm"
        >
          {busy ? t.author.withdrawing : t.author.withdrawConfirm}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setAsking(false);
            setTimeout(() => opener.current?.focus(), 0);
          }}
        >
          {t.author.withdrawCancel}
        </button>
      </div>
    </form>
  );
}

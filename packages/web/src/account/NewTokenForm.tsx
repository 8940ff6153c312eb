import { useId, useRef, useState, type FormEvent } from 'react';
import type { ApiToken } from '@openehds/client';
import { identity } from '../auth/identity-api';
import { ErrorBox } from '../components/ErrorBox';
import { FieldErrors } from '../components/fields';
import { fmt } from '../i18n/format';
import { fieldErrorsOf } from './field-errors';
import { accountText as t } from './strings';
import { EXPIRY_CHOICES, emptyTokenDraft, tokenInput, type TokenDraft, type TokenErrors } from './token-form';

const s = t.tokens;

/** The form that creates a token; the answer (with the secret, once) goes to `onCreated`. */
export function NewTokenForm({ onCreated }: { onCreated: (token: ApiToken & { secret: string }) => void }) {
  const id = useId();
  const [draft, setDraft] = useState<TokenDraft>(emptyTokenDraft);
  const [errors, setErrors] = useState<TokenErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  /** Puts the keyboard on the first field at fault, so the message beside it is read out. */
  const focusFirstError = (found: TokenErrors) => {
    const first = (['name', 'scopes', 'expiresInDays'] as const).find((f) => found[f]);
    if (first) form.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  };

  async function send(e: FormEvent) {
    e.preventDefault();
    const checked = tokenInput(draft);
    if ('errors' in checked) {
      setErrors(checked.errors);
      focusFirstError(checked.errors);
      return;
    }
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      const created = await identity.createToken(checked.input);
      setDraft(emptyTokenDraft());
      onCreated(created);
    } catch (err) {
      const fields = fieldErrorsOf(err, ['name', 'scopes', 'expiresInDays'] as const);
      setErrors(fields);
      setError(err);
      focusFirstError(fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={form}
      className="form"
      onSubmit={(e) => void send(e)}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="token-new"
    >
      <h3 id={`${id}-title`}>{s.newTitle}</h3>
      <TokenFields idPrefix={id} draft={draft} errors={errors} onChange={setDraft} />
      {error != null && <ErrorBox error={error} />}
      <div>
        <button type="submit" className="button" disabled={busy} data-testid="token-create">
          {busy ? s.creating : s.create}
        </button>
      </div>
    </form>
  );
}

/**
 * The fields of the create form, controlled: every input labelled, hints and errors tied with
 * aria-describedby, the scope as a radio group in a fieldset whose legend names it.
 */
export function TokenFields({
  idPrefix: id,
  draft,
  errors,
  onChange,
}: {
  idPrefix: string;
  draft: TokenDraft;
  errors: TokenErrors;
  onChange: (next: TokenDraft) => void;
}) {
  const describe = (field: keyof TokenErrors, hint: boolean) =>
    [hint ? `${id}-${field}-hint` : '', errors[field] ? `${id}-${field}-err` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <>
      <div className={`field ${errors.name ? 'has-error' : ''}`}>
        <label htmlFor={`${id}-name`}>
          {s.newName}
          <span aria-hidden="true"> *</span>
        </label>
        <p id={`${id}-name-hint`} className="hint">
          {s.newNameHint}
        </p>
        <input
          id={`${id}-name`}
          type="text"
          maxLength={100}
          required
          autoComplete="off"
          value={draft.name}
          onChange={(e) => onChange({ ...draft, name: e.target.value })}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describe('name', true)}
          data-field="name"
          data-testid="token-name"
        />
        <FieldErrors id={`${id}-name-err`} errors={errors.name ? [errors.name] : undefined} />
      </div>
      <fieldset
        className={`field ${errors.scopes ? 'has-error' : ''}`}
        aria-describedby={describe('scopes', false)}
      >
        <legend>{s.newScope}</legend>
        {(['read', 'write'] as const).map((access, n) => (
          <div key={access}>
            <input
              id={`${id}-scope-${access}`}
              type="radio"
              name={`${id}-scope`}
              value={access}
              checked={draft.access === access}
              onChange={() => onChange({ ...draft, access })}
              {...(n === 0 ? { 'data-field': 'scopes' } : {})}
              data-testid={`token-scope-${access}`}
            />{' '}
            <label htmlFor={`${id}-scope-${access}`}>
              {access === 'read' ? s.newScopeRead : s.newScopeWrite}
            </label>
          </div>
        ))}
        <FieldErrors id={`${id}-scopes-err`} errors={errors.scopes ? [errors.scopes] : undefined} />
      </fieldset>
      <div className={`field ${errors.expiresInDays ? 'has-error' : ''}`}>
        <label htmlFor={`${id}-expiry`}>{s.newExpiry}</label>
        <p id={`${id}-expiresInDays-hint`} className="hint">
          {s.newExpiryHint}
        </p>
        <select
          id={`${id}-expiry`}
          value={draft.expiresInDays}
          onChange={(e) => onChange({ ...draft, expiresInDays: e.target.value })}
          aria-invalid={errors.expiresInDays ? true : undefined}
          aria-describedby={describe('expiresInDays', true)}
          data-field="expiresInDays"
          data-testid="token-expiry"
        >
          {EXPIRY_CHOICES.map((d) => (
            <option key={d} value={String(d)}>
              {d === 365 ? s.oneYear : fmt(s.days, { n: d })}
            </option>
          ))}
        </select>
        <FieldErrors
          id={`${id}-expiresInDays-err`}
          errors={errors.expiresInDays ? [errors.expiresInDays] : undefined}
        />
      </div>
    </>
  );
}

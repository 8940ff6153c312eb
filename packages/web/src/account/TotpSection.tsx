import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AccountProfile, TotpEnrolment } from '@openehds/client';
import { identity } from '../auth/identity-api';
import { ErrorBox } from '../components/ErrorBox';
import { FieldErrors } from '../components/fields';
import { fieldErrorsOf } from './field-errors';
import { MFA_ROLES } from './roles';
import { accountText as t } from './strings';
import { fmt } from '../i18n/format';
import { groupSecret, normaliseCode, parseOtpauthUri } from './totp-text';

const s = t.totp;

/**
 * The account's second factor (RFC 6238 TOTP): its status and, when none is confirmed, the set-up:
 * the secret as text and the `otpauth://` URI (no QR code: typed or pasted into the app), then the
 * first code, which the hub checks (`/api/auth/totp/enrol`, `/api/auth/totp/confirm`).
 */
export function TotpSection({ profile, onChange }: { profile: AccountProfile; onChange: () => void }) {
  const id = useId();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const needed = MFA_ROLES.includes(profile.role);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await identity.enrolTotp());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="account-totp">
      <h2 id={`${id}-title`}>{s.title}</h2>
      {done && (
        <p ref={doneRef} tabIndex={-1} className="alert alert-ok form-status" role="status">
          {s.done}
        </p>
      )}
      <p data-testid="account-totp-status" data-status={profile.totp}>
        {profile.totp === 'confirmed' ? s.confirmed : profile.totp === 'pending' ? s.pending : s.none}
      </p>
      {profile.totp === 'confirmed' ? (
        <p className="hint">{s.confirmedLost}</p>
      ) : !profile.hasPassword ? (
        <p className="hint">{s.providerOnly}</p>
      ) : (
        <>
          <p className="hint">{needed ? s.required : s.optional}</p>
          {error != null && !enrolment && <ErrorBox error={error} />}
          {!enrolment ? (
            <button
              ref={opener}
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void start()}
              data-testid="account-totp-start"
            >
              {busy ? s.starting : profile.totp === 'pending' ? s.restart : s.start}
            </button>
          ) : (
            <EnrolmentSteps
              enrolment={enrolment}
              onConfirmed={() => {
                setEnrolment(null);
                setDone(true);
                onChange();
              }}
              onCancel={() => {
                setEnrolment(null);
                setError(null);
                setTimeout(() => opener.current?.focus(), 0);
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

/** The secret, the URI and the code field; focus moves to its heading when it opens. */
function EnrolmentSteps({
  enrolment,
  onConfirmed,
  onCancel,
}: {
  enrolment: TotpEnrolment;
  onConfirmed: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => heading.current?.focus(), []);
  const parts = parseOtpauthUri(enrolment.otpauthUri);

  async function confirm(e: FormEvent) {
    e.preventDefault();
    const typed = normaliseCode(code);
    if (!typed.valid) {
      setCodeError(s.codeMissing);
      codeInput.current?.focus();
      return;
    }
    setCodeError(null);
    setBusy(true);
    setError(null);
    try {
      await identity.confirmTotp(typed.code);
      onConfirmed();
    } catch (err) {
      const field = fieldErrorsOf(err, ['code'] as const).code;
      if (field) {
        setCodeError(field);
        codeInput.current?.focus();
      }
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="form my-account-steps"
      onSubmit={(e) => void confirm(e)}
      noValidate
      aria-labelledby={`${id}-steps`}
      data-testid="account-totp-enrol"
    >
      <h3 id={`${id}-steps`} ref={heading} tabIndex={-1}>
        {s.stepsTitle}
      </h3>
      <p>{s.step1}</p>
      <div className="field">
        <label htmlFor={`${id}-secret`}>{s.secret}</label>
        <p id={`${id}-secret-hint`} className="hint">
          {s.secretHint}
        </p>
        <input
          id={`${id}-secret`}
          type="text"
          readOnly
          className="my-account-secret"
          value={groupSecret(enrolment.secret)}
          aria-describedby={`${id}-secret-hint`}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="account-totp-secret"
          // The secret without the spaces, for the browser journey to compute a code from.
          data-secret={enrolment.secret}
        />
        {parts && (
          <p className="hint" data-testid="account-totp-manual">
            {fmt(s.manual, {
              account: parts.account,
              issuer: parts.issuer ?? '—',
              digits: parts.digits,
              period: parts.period,
              algorithm: parts.algorithm,
            })}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-uri`}>{s.uri}</label>
        <p id={`${id}-uri-hint`} className="hint">
          {s.uriHint}
        </p>
        <input
          id={`${id}-uri`}
          type="text"
          readOnly
          className="my-account-secret"
          value={enrolment.otpauthUri}
          aria-describedby={`${id}-uri-hint`}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="account-totp-uri"
        />
        <p>
          <a href={enrolment.otpauthUri}>{s.openLink}</a>
        </p>
      </div>
      <p>{s.step2}</p>
      <div className={`field ${codeError ? 'has-error' : ''}`}>
        <label htmlFor={`${id}-code`}>
          {s.code}
          <span aria-hidden="true"> *</span>
        </label>
        <p id={`${id}-code-hint`} className="hint">
          {s.codeHint}
        </p>
        <input
          ref={codeInput}
          id={`${id}-code`}
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-invalid={codeError ? true : undefined}
          aria-describedby={`${id}-code-hint${codeError ? ` ${id}-code-err` : ''}`}
          data-testid="account-totp-code"
        />
        <FieldErrors id={`${id}-code-err`} errors={codeError ? [codeError] : undefined} />
      </div>
      {error != null && !codeError && <ErrorBox error={error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid="account-totp-confirm">
          {busy ? s.confirming : s.confirm}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {s.cancel}
        </button>
      </div>
    </form>
  );
}

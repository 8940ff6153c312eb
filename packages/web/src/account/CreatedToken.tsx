import { useEffect, useId, useRef, useState } from 'react';
import type { ApiToken } from '@openehds/client';
import { fmt } from '../i18n/format';
import { accountText as t } from './strings';

const s = t.tokens;

/**
 * The one time a token's secret is shown: a clear warning, the secret in a read-only field (keyboard
 * users can select it), and a copy button. Focus moves to its heading when it appears, so a screen
 * reader reads the warning first.
 */
export function CreatedToken({
  token,
  onDone,
}: {
  token: ApiToken & { secret: string };
  onDone: () => void;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => heading.current?.focus(), []);

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(token.secret);
      setCopy('copied');
    } catch {
      // No clipboard permission (or an http page): select it so Ctrl+C works.
      field.current?.focus();
      field.current?.select();
      setCopy('failed');
    }
  }

  return (
    <div
      className="alert alert-info my-account-created"
      role="region"
      aria-labelledby={`${id}-title`}
      data-testid="token-created"
    >
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {s.createdTitle}
      </h3>
      <p id={`${id}-warn`}>
        <strong>{fmt(s.createdWarning, { name: token.name })}</strong>
      </p>
      <div className="field">
        <label htmlFor={`${id}-secret`}>{s.secret}</label>
        <div className="my-account-copy-row">
          <input
            ref={field}
            id={`${id}-secret`}
            type="text"
            readOnly
            className="my-account-secret"
            value={token.secret}
            aria-describedby={`${id}-warn`}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="token-secret"
          />
          <button
            type="button"
            className="button secondary"
            onClick={() => void copySecret()}
            data-testid="token-copy"
          >
            {s.copy}
          </button>
        </div>
        <p role="status" className="hint" data-testid="token-copy-status">
          {copy === 'copied' ? s.copied : copy === 'failed' ? s.copyFailed : ''}
        </p>
      </div>
      <button type="button" className="button" onClick={onDone} data-testid="token-created-done">
        {s.copiedDone}
      </button>
    </div>
  );
}

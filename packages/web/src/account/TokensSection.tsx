import { useEffect, useId, useRef, useState } from 'react';
import type { ApiToken } from '@openehds/client';
import { identity } from '../auth/identity-api';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt, formatDate, formatDateTime } from '../i18n/format';
import { useAsync } from '../lib/use-async';
import { CreatedToken } from './CreatedToken';
import { NewTokenForm } from './NewTokenForm';
import { accountText as t } from './strings';
import { scopeLabel, tokenState } from './token-form';

const s = t.tokens;

/** Where the keyboard goes after the list changed (WCAG 2.4.3): a row, a revoke button, the status. */
type FocusTarget = { row: string } | { revoke: string } | 'status' | null;

/**
 * Personal API tokens (`/api/tokens`): the list with name, scope, dates and state; create one (its
 * secret shown once); revoke one after an inline confirmation.
 */
export function TokensSection() {
  const id = useId();
  const tokens = useAsync(() => identity.listTokens(), []);
  const [created, setCreated] = useState<(ApiToken & { secret: string }) | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [focus, setFocus] = useState<FocusTarget>(null);
  const section = useRef<HTMLElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (!focus) return;
    const root = section.current;
    if (focus === 'status') statusRef.current?.focus();
    else if ('row' in focus)
      root?.querySelector<HTMLElement>(`[data-token-row="${CSS.escape(focus.row)}"]`)?.focus();
    else root?.querySelector<HTMLElement>(`[data-token-revoke="${CSS.escape(focus.revoke)}"]`)?.focus();
    setFocus(null);
  }, [focus]);

  const now = new Date();
  const list = tokens.data ?? [];

  async function revoke(token: ApiToken) {
    setBusy(true);
    setError(null);
    try {
      const revoked = await identity.revokeToken(token.id);
      tokens.setData(list.map((x) => (x.id === revoked.id ? revoked : x)));
      setAsking(null);
      setMessage(fmt(s.revoked, { name: token.name }));
      setFocus('status');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section ref={section} aria-labelledby={`${id}-title`} className="card" data-testid="account-tokens">
      <h2 id={`${id}-title`}>{s.title}</h2>
      <p className="hint">{s.intro}</p>
      {message && (
        <p
          ref={statusRef}
          tabIndex={-1}
          className="alert alert-ok form-status"
          role="status"
          data-testid="token-status"
        >
          {message}
        </p>
      )}
      {created && (
        <CreatedToken
          token={created}
          onDone={() => {
            const createdId = created.id;
            setCreated(null);
            setFocus({ row: createdId });
          }}
        />
      )}
      {tokens.loading && !tokens.data && <Loading />}
      {tokens.error != null && <ErrorBox error={tokens.error} onRetry={tokens.reload} />}
      {error != null && <ErrorBox error={error} />}
      {tokens.data && list.length === 0 && <p data-testid="token-empty">{s.empty}</p>}
      {list.length > 0 && (
        <div className="table-wrap">
          <table data-testid="token-table">
            <caption className="visually-hidden">{s.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.name}</th>
                <th scope="col">{s.scope}</th>
                <th scope="col">{s.created}</th>
                <th scope="col">{s.lastUsed}</th>
                <th scope="col">{s.expires}</th>
                <th scope="col">{s.status}</th>
                <th scope="col">{s.actions}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((token) => {
                const state = tokenState(token, now);
                return (
                  <tr key={token.id} data-testid={`token-row-${token.id}`} data-state={state}>
                    <th scope="row" tabIndex={-1} data-token-row={token.id}>
                      {token.name}
                    </th>
                    <td>{scopeLabel(token.scopes)}</td>
                    <td className="nowrap">{formatDateTime(token.createdAt)}</td>
                    <td className="nowrap">
                      {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : s.never}
                    </td>
                    <td className="nowrap">{formatDate(token.expiresAt)}</td>
                    <td>
                      <span className={`status status-${state === 'active' ? 'approved' : 'revoked'}`}>
                        {fmt(s.states[state]!, { at: formatDate(token.revokedAt) })}
                      </span>
                    </td>
                    <td>
                      {state === 'active' &&
                        (asking === token.id ? (
                          <RevokeConfirm
                            token={token}
                            busy={busy}
                            onConfirm={() => void revoke(token)}
                            onCancel={() => {
                              setAsking(null);
                              setError(null);
                              setFocus({ revoke: token.id });
                            }}
                          />
                        ) : (
                          <button
                            type="button"
                            className="button danger small"
                            aria-label={fmt(s.revokeLabel, { name: token.name })}
                            disabled={busy}
                            onClick={() => {
                              setAsking(token.id);
                              setMessage(null);
                            }}
                            data-token-revoke={token.id}
                            data-testid={`token-revoke-${token.id}`}
                          >
                            {s.revoke}
                          </button>
                        ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <NewTokenForm
        onCreated={(token) => {
          const { secret: _secret, ...listed } = token;
          tokens.setData([listed, ...list]);
          setMessage(null);
          setCreated(token);
        }}
      />
    </section>
  );
}

/** The inline confirmation of a revocation; focus moves to it so its warning is read first. */
function RevokeConfirm({
  token,
  busy,
  onConfirm,
  onCancel,
}: {
  token: ApiToken;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => group.current?.focus(), []);
  return (
    <div
      ref={group}
      role="group"
      tabIndex={-1}
      aria-labelledby={`${id}-warn`}
      className="my-account-confirm"
      data-testid={`token-revoke-confirm-${token.id}`}
      onKeyDown={(e) => {
        // Escape backs out, as from a dialog.
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p id={`${id}-warn`}>{fmt(s.revokeWarning, { name: token.name })}</p>
      <div className="actions">
        <button
          type="button"
          className="button danger small"
          disabled={busy}
          onClick={onConfirm}
          data-testid="token-revoke-confirm-button"
        >
          {busy ? s.revoking : s.revokeConfirm}
        </button>
        <button type="button" className="button secondary small" onClick={onCancel}>
          {s.revokeCancel}
        </button>
      </div>
    </div>
  );
}

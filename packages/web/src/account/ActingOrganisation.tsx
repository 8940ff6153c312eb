import { useId, useRef, useState, type FormEvent } from 'react';
import type { AccountProfile, Membership } from '@openehds/client';
import { useAuth } from '../auth/AuthContext';
import { identity } from '../auth/identity-api';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { ui } from '../i18n/ui';
import { fmt } from '../i18n/format';
import { useAsync } from '../lib/use-async';
import { accountText as t } from './strings';

const a = t.acting;

/**
 * The organisation the account acts for, chosen among its memberships (`POST
 * /api/auth/acting-organisation`); its role becomes the one held there. The hub refuses a switch into
 * a staff role from a session without a second factor, and says so.
 */
export function ActingOrganisation({ profile }: { profile: AccountProfile }) {
  const id = useId();
  const { refresh } = useAuth();
  const memberships = useAsync(() => identity.memberships(), [profile.organisationId]);
  const [choice, setChoice] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const status = useRef<HTMLParagraphElement>(null);

  const list = memberships.data ?? [];
  const selected = choice || profile.organisationId || list[0]?.organisationId || '';
  const target = list.find((m) => m.organisationId === selected);

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!target || target.organisationId === profile.organisationId) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const principal = await identity.actFor(target.organisationId);
      setDone(
        fmt(a.switched, {
          organisation: principal.organisationName ?? target.organisationName,
          role: ui.roles[principal.role],
        }),
      );
      setChoice('');
      // The header, the navigation and this page follow the new role.
      await refresh();
      setTimeout(() => status.current?.focus(), 0);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="account-acting">
      <h2 id={`${id}-title`}>{a.title}</h2>
      <p className="hint">{a.intro}</p>
      {memberships.loading && !memberships.data && <Loading />}
      {memberships.error != null && <ErrorBox error={memberships.error} onRetry={memberships.reload} />}
      {done && (
        <p ref={status} tabIndex={-1} className="alert alert-ok form-status" role="status">
          {done}
        </p>
      )}
      {memberships.data && list.length === 0 && <p>{a.none}</p>}
      {memberships.data && list.length === 1 && (
        <p>{fmt(a.only, { organisation: list[0]!.organisationName })}</p>
      )}
      {list.length > 1 && (
        <form className="form" onSubmit={(e) => void send(e)} noValidate aria-labelledby={`${id}-title`}>
          <div className={`field ${error ? 'has-error' : ''}`}>
            <label htmlFor={`${id}-org`}>{a.select}</label>
            <p id={`${id}-hint`} className="hint">
              {a.mfaNote}
            </p>
            <select
              id={`${id}-org`}
              value={selected}
              onChange={(e) => setChoice(e.target.value)}
              aria-describedby={`${id}-hint${error ? ` ${id}-err` : ''}`}
              aria-invalid={error ? true : undefined}
              data-testid="account-acting-select"
            >
              {list.map((m) => (
                <option key={m.organisationId} value={m.organisationId}>
                  {optionLabel(m)}
                </option>
              ))}
            </select>
          </div>
          {error != null && (
            <div id={`${id}-err`}>
              <ErrorBox error={error} />
            </div>
          )}
          <div className="actions">
            <button
              type="submit"
              className="button"
              disabled={busy || !target || target.organisationId === profile.organisationId}
              data-testid="account-acting-submit"
            >
              {busy ? a.working : a.submit}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function optionLabel(m: Membership): string {
  const label = fmt(a.option, { organisation: m.organisationName, role: ui.roles[m.role] });
  return m.current ? `${label} ${a.current}` : label;
}

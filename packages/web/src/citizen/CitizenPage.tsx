import { useEffect, useRef, useState } from 'react';
import type { AuthProvider, OptOutStatus } from '@openehds/client';
import { useAuth } from '../auth/AuthContext';
import { identity } from '../auth/identity-api';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { ui } from '../i18n/ui';
import { fmt } from '../i18n/format';
import { useAsync } from '../lib/use-async';
import { optOutApi } from './api';
import { citizenText as t } from './strings';
import { historyRow, nextChange, receiptText, statusText } from './view';

/**
 * The citizen's opt-out page (Art. 71; GUIDE M8.1): sign in with the national eID, see the current
 * choice, opt out or back in (each as easy as the other, with a confirmation), the history with
 * receipts, and what the choice does and does not cover.
 */
export function CitizenPage() {
  const { principal, loading } = useAuth();
  return (
    <div className="narrow citizen-page">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {loading ? (
        <Loading />
      ) : !principal ? (
        <SignInWithEid />
      ) : principal.role !== 'citizen' ? (
        <p className="alert alert-info" role="status">
          {fmt(t.notCitizen, { name: principal.displayName, role: ui.roles[principal.role] })}
        </p>
      ) : (
        <YourChoice />
      )}
      <About />
    </div>
  );
}

/** The national eID buttons (the identity providers for citizens), returning here after sign-in. */
function SignInWithEid() {
  const [providers, setProviders] = useState<AuthProvider[] | null>(null);
  useEffect(() => {
    identity.providers().then(
      (all) => setProviders(all.filter((p) => p.audience === 'citizen')),
      () => setProviders([]),
    );
  }, []);
  return (
    <section aria-labelledby="citizen-sign-in" className="card">
      <h2 id="citizen-sign-in">{t.signInTitle}</h2>
      <p>{t.signInIntro}</p>
      {providers === null ? (
        <Loading />
      ) : providers.length === 0 ? (
        <p className="alert alert-info">{t.noProvider}</p>
      ) : (
        <ul className="account-list">
          {providers.map((p) => (
            <li key={p.id}>
              <a
                className="button"
                data-testid={`citizen-provider-${p.id}`}
                href={identity.providerStartUrl(p.id, '/citizen')}
              >
                {fmt(t.signInWith, { label: p.label })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The signed-in citizen's status, the one button, its confirmation, and the history. */
function YourChoice() {
  const state = useAsync(() => optOutApi.status(), []);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const changeButton = useRef<HTMLButtonElement>(null);

  // Focus follows the dialogue: to the confirmation when it opens, to the receipt when saved (WCAG 2.4.3).
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  if (state.loading && !state.data) return <Loading />;
  if (state.error) return <ErrorBox error={state.error} title={t.loadFailed} onRetry={state.reload} />;
  const status = state.data as OptOutStatus;
  const text = statusText(status);
  const change = nextChange(status);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const result = change.kind === 'opt-out' ? await optOutApi.optOut() : await optOutApi.reverse();
      state.setData(result.status);
      setDone(receiptText(result));
      setConfirming(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <section aria-labelledby="citizen-status" className="card">
        <h2 id="citizen-status">{t.statusTitle}</h2>
        <p data-testid="opt-out-status">
          <strong>{text.headline}</strong>
        </p>
        <p>{text.detail}</p>
        {done && (
          <p
            className="alert alert-ok"
            role="status"
            tabIndex={-1}
            ref={doneRef}
            data-testid="opt-out-receipt"
          >
            {done}
          </p>
        )}
        {error != null && <ErrorBox error={error} title={t.failed} />}
        {!confirming ? (
          <button
            type="button"
            ref={changeButton}
            className="button"
            data-testid="opt-out-change"
            onClick={() => {
              setDone(null);
              setConfirming(true);
            }}
          >
            {change.button}
          </button>
        ) : (
          <div
            role="group"
            aria-labelledby="opt-out-confirm"
            aria-describedby="opt-out-confirm-text"
            className="card"
          >
            <h3 id="opt-out-confirm" tabIndex={-1} ref={confirmHeading}>
              {change.confirmTitle}
            </h3>
            <p id="opt-out-confirm-text">{change.confirm}</p>
            <button
              type="button"
              className="button"
              data-testid="opt-out-confirm"
              disabled={busy}
              onClick={() => void confirm()}
            >
              {busy ? t.working : change.yes}
            </button>{' '}
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                setTimeout(() => changeButton.current?.focus(), 0);
              }}
            >
              {t.cancel}
            </button>
          </div>
        )}
      </section>
      <section aria-labelledby="citizen-history" className="card">
        <h2 id="citizen-history">{t.historyTitle}</h2>
        {status.history.length === 0 ? (
          <p>{t.historyEmpty}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="opt-out-history">
              <caption className="visually-hidden">{t.historyCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colWhat}</th>
                  <th scope="col">{t.colWhen}</th>
                  <th scope="col">{t.colReceipt}</th>
                </tr>
              </thead>
              <tbody>
                {status.history.map((r) => {
                  const row = historyRow(r);
                  return (
                    <tr key={r.receiptId}>
                      <th scope="row">{row.what}</th>
                      <td>{row.when}</td>
                      <td>
                        <code>{row.receipt}</code>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** Plain-language explanation: what the choice covers, what not, the exceptions, how it is kept. */
function About() {
  return (
    <section aria-labelledby="citizen-about">
      <h2 id="citizen-about">{t.aboutTitle}</h2>
      <h3>{t.coversTitle}</h3>
      <ul>
        {t.covers.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <h3>{t.notCoversTitle}</h3>
      <ul>
        {t.notCovers.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <h3>{t.exceptionsTitle}</h3>
      <p>{t.exceptions}</p>
      <h3>{t.privacyTitle}</h3>
      <p>{t.privacy}</p>
    </section>
  );
}

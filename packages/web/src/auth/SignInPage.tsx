import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import {
  ApiError,
  enrolmentChallengeOf,
  type AuthProvider,
  type DemoAccount,
  type DemoAccounts,
  type MfaChallenge,
  type Principal,
  type TotpEnrolment,
} from '@openehds/client';
import { hub } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { ui } from '../i18n/ui';
import { fmt } from '../i18n/format';
import { homeFor } from './access';
import { useAuth } from './AuthContext';
import { identity } from './identity-api';
import { totpCode } from './totp';

/** Where the sign-in stands: the password, the authenticator code, or enrolling an authenticator. */
type Step =
  | { kind: 'password' }
  | { kind: 'totp'; challenge: string }
  | { kind: 'enrol'; challenge: string; enrolment: TotpEnrolment | null };

/**
 * Sign-in: username and password, then an authenticator code where the role needs one (HDAB staff,
 * administrators) or enrolment of an authenticator the first time; a button per OpenID Connect provider
 * (national eID for citizens, research identity services); and the demo accounts in demo mode.
 */
export function SignInPage() {
  const { principal, signIn, signInTotp, confirmEnrolment, refresh } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const state = location.state as { from?: string; reason?: string } | null;
  const from = state?.from ?? null;
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [demo, setDemo] = useState<DemoAccounts | null>(null);
  const [providers, setProviders] = useState<AuthProvider[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const oidcDone = params.get('oidc') === 'done';
  const oidcError = params.get('oidcError');

  useEffect(() => {
    // 404 (not demo mode) resolves to null; any other failure just hides the list.
    hub.demoAccounts().then(setDemo, () => setDemo(null));
    identity.providers().then(setProviders, () => setProviders([]));
  }, []);

  // Back from an identity provider: the hub set the session cookie; ask who signed in and go on.
  useEffect(() => {
    if (!oidcDone) return;
    let live = true;
    refresh().then(
      (p) => live && p && navigate(homeFor(p.role, params.get('next')), { replace: true }),
      (err) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [oidcDone, params, refresh, navigate]);

  const done = (p: Principal) => navigate(homeFor(p.role, from), { replace: true });

  async function attempt(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
      setBusy(false);
      heading.current?.focus();
    }
  }

  /** The password step; for a demo account with a documented secret, the code step too. */
  async function passwordStep(user: string, pass: string, demoSecret?: string) {
    let outcome: Principal | MfaChallenge;
    try {
      outcome = await signIn(user, pass);
    } catch (err) {
      const challenge = enrolmentChallengeOf(err);
      if (!challenge) throw err;
      setStep({ kind: 'enrol', challenge, enrolment: null });
      setBusy(false);
      return;
    }
    if (!('mfaRequired' in outcome)) return done(outcome);
    if (demoSecret) return done(await demoCode(outcome.challenge, demoSecret));
    setStep({ kind: 'totp', challenge: outcome.challenge });
    setCode('');
    setBusy(false);
  }

  /** A code is accepted once: if this step's code was used already, the next step's is tried. */
  async function demoCode(challenge: string, secret: string): Promise<Principal> {
    try {
      return await signInTotp(challenge, await totpCode(secret));
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      return signInTotp(challenge, await totpCode(secret, Date.now() + 30_000));
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (step.kind === 'password') void attempt(() => passwordStep(username, password));
    else if (step.kind === 'totp') void attempt(async () => done(await signInTotp(step.challenge, code)));
    else void attempt(async () => done(await confirmEnrolment(step.challenge, code)));
  }

  function signInAsDemo(a: DemoAccount, pass: string) {
    setUsername(a.username);
    setPassword(pass);
    void attempt(() => passwordStep(a.username, pass, a.totpSecret));
  }

  function restart() {
    setStep({ kind: 'password' });
    setCode('');
    setError(null);
  }

  const codeField = (
    <div className="field">
      <label htmlFor="signin-code">{ui.signIn.totpCode}</label>
      <input
        id="signin-code"
        data-testid="signin-code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        required
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
      />
    </div>
  );

  return (
    <div className="narrow">
      <h1 ref={heading} tabIndex={-1}>
        {ui.signIn.title}
      </h1>
      {principal && (
        <p className="alert alert-info">{fmt(ui.signIn.alreadySignedIn, { name: principal.displayName })}</p>
      )}
      {!principal && state?.reason && <p className="alert alert-info">{state.reason}</p>}
      {oidcDone && !error && <p className="alert alert-info">{ui.signIn.finishing}</p>}
      {oidcError && <ErrorBox error={oidcError} title={ui.signIn.providerFailed} />}
      {step.kind === 'password' && <p>{ui.signIn.intro}</p>}
      {error != null && <ErrorBox error={error} title={ui.signIn.failed} />}

      <form onSubmit={onSubmit} className="form card" aria-busy={busy}>
        {step.kind === 'password' && (
          <>
            <div className="field">
              <label htmlFor="signin-username">{ui.signIn.username}</label>
              <input
                id="signin-username"
                data-testid="signin-username"
                name="username"
                autoComplete="username"
                required
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="signin-password">{ui.signIn.password}</label>
              <input
                id="signin-password"
                data-testid="signin-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            <button type="submit" className="button" data-testid="signin-submit" disabled={busy}>
              {busy ? ui.signIn.submitting : ui.signIn.submit}
            </button>
          </>
        )}
        {step.kind === 'totp' && (
          <>
            <h2>{ui.signIn.totpTitle}</h2>
            <p>{ui.signIn.totpIntro}</p>
            {codeField}
            <button type="submit" className="button" data-testid="signin-code-submit" disabled={busy}>
              {ui.signIn.totpSubmit}
            </button>{' '}
            <button type="button" className="button secondary" onClick={restart}>
              {ui.signIn.totpBack}
            </button>
          </>
        )}
        {step.kind === 'enrol' && (
          <>
            <h2>{ui.signIn.enrolTitle}</h2>
            <p>{ui.signIn.enrolIntro}</p>
            {!step.enrolment ? (
              <button
                type="button"
                className="button"
                data-testid="signin-enrol-start"
                disabled={busy}
                onClick={() =>
                  void attempt(async () => {
                    const enrolment = await identity.enrolAtSignIn(step.challenge);
                    setStep({ ...step, enrolment });
                    setBusy(false);
                  })
                }
              >
                {ui.signIn.enrolStart}
              </button>
            ) : (
              <>
                <p>
                  {ui.signIn.enrolSecret}:{' '}
                  <code data-testid="signin-enrol-secret">{step.enrolment.secret}</code>
                </p>
                <p>
                  <a href={step.enrolment.otpauthUri}>{ui.signIn.enrolLink}</a>
                </p>
                {codeField}
                <button type="submit" className="button" data-testid="signin-enrol-submit" disabled={busy}>
                  {ui.signIn.enrolSubmit}
                </button>
              </>
            )}{' '}
            <button type="button" className="button secondary" onClick={restart}>
              {ui.signIn.totpBack}
            </button>
          </>
        )}
      </form>

      {step.kind === 'password' && providers.length > 0 && (
        <section aria-labelledby="sign-in-providers" className="sign-in-providers">
          <h2 id="sign-in-providers">{ui.signIn.providersTitle}</h2>
          {providers.some((p) => p.audience === 'citizen') && <p>{ui.signIn.providersCitizens}</p>}
          <ul className="account-list">
            {providers.map((p) => (
              <li key={p.id}>
                <a
                  className="account-button"
                  data-testid={`provider-${p.id}`}
                  href={identity.providerStartUrl(p.id, from ?? undefined)}
                >
                  <span className="account-name">{fmt(ui.signIn.providerUse, { label: p.label })}</span>
                  <span className="account-meta">
                    {ui.roles[p.audience === 'citizen' ? 'citizen' : 'data_user']}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {step.kind === 'password' && demo && demo.accounts.length > 0 && (
        <section aria-labelledby="demo-accounts" className="demo-accounts">
          <h2 id="demo-accounts">{ui.signIn.demoTitle}</h2>
          <p>{fmt(ui.signIn.demoIntro, { password: `“${demo.password}”` })}</p>
          <ul className="account-list">
            {demo.accounts.map((a) => (
              <li key={a.username}>
                <button
                  type="button"
                  className="account-button"
                  data-testid={`demo-account-${a.username}`}
                  disabled={busy}
                  onClick={() => signInAsDemo(a, demo.password)}
                >
                  {/* The name is the visible text with "Sign in" before it, not a label that differs
                      from what sighted speech-input users see and say (WCAG 2.5.3). */}
                  <span className="visually-hidden">{ui.nav.signIn}: </span>
                  <span className="account-name">{a.displayName}</span>
                  <span className="account-meta">
                    {ui.roles[a.role]} · <code>{a.username}</code>
                    {a.totpSecret ? ` · ${ui.signIn.demoTotp}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

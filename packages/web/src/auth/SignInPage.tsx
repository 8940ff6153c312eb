import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { DemoAccounts } from '@openehds/client';
import { hub } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { en } from '../i18n/en';
import { fmt } from '../i18n/format';
import { homeFor } from './access';
import { useAuth } from './AuthContext';

/** Sign-in with username and password, plus the demo accounts when the hub runs in demo mode. */
export function SignInPage() {
  const { principal, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as { from?: string; reason?: string } | null;
  const from = state?.from ?? null;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [demo, setDemo] = useState<DemoAccounts | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // 404 (not demo mode) resolves to null; any other failure just hides the list.
    hub.demoAccounts().then(setDemo, () => setDemo(null));
  }, []);

  async function submit(user: string, pass: string) {
    setBusy(true);
    setError(null);
    try {
      const p = await signIn(user, pass);
      navigate(homeFor(p.role, from), { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
      heading.current?.focus();
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void submit(username, password);
  }

  return (
    <div className="narrow">
      <h1 ref={heading} tabIndex={-1}>
        {en.signIn.title}
      </h1>
      {principal && (
        <p className="alert alert-info">{fmt(en.signIn.alreadySignedIn, { name: principal.displayName })}</p>
      )}
      {!principal && state?.reason && <p className="alert alert-info">{state.reason}</p>}
      <p>{en.signIn.intro}</p>
      {error != null && <ErrorBox error={error} title={en.signIn.failed} />}
      <form onSubmit={onSubmit} className="form card" aria-busy={busy}>
        <div className="field">
          <label htmlFor="signin-username">{en.signIn.username}</label>
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
          <label htmlFor="signin-password">{en.signIn.password}</label>
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
          {busy ? en.signIn.submitting : en.signIn.submit}
        </button>
      </form>
      {demo && demo.accounts.length > 0 && (
        <section aria-labelledby="demo-accounts" className="demo-accounts">
          <h2 id="demo-accounts">{en.signIn.demoTitle}</h2>
          <p>{fmt(en.signIn.demoIntro, { password: `“${demo.password}”` })}</p>
          <ul className="account-list">
            {demo.accounts.map((a) => (
              <li key={a.username}>
                <button
                  type="button"
                  className="account-button"
                  data-testid={`demo-account-${a.username}`}
                  disabled={busy}
                  aria-label={fmt(en.signIn.demoUse, { name: `${a.displayName}, ${en.roles[a.role]}` })}
                  onClick={() => {
                    setUsername(a.username);
                    setPassword(demo.password);
                    void submit(a.username, demo.password);
                  }}
                >
                  <span className="account-name">{a.displayName}</span>
                  <span className="account-meta">
                    {en.roles[a.role]} · <code>{a.username}</code>
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

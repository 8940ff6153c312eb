import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MfaChallenge, Principal, SignInResult } from '@openehds/client';
import { hub } from '../api';
import { identity } from './identity-api';
import { browserStorage, maySignedIn, setSignedInHint } from './session-hint';

/** Who is signed in, and the actions that change it. */
export interface AuthState {
  principal: Principal | null;
  /** True until the first "who am I" answer arrived. */
  loading: boolean;
  /** Password step: the principal, or the challenge of the authenticator-code step. */
  signIn(username: string, password: string): Promise<Principal | MfaChallenge>;
  /** Authenticator-code step. */
  signInTotp(challenge: string, code: string): Promise<Principal>;
  /** First code of a new authenticator, which also completes a staff member's sign-in. */
  confirmEnrolment(challenge: string, code: string): Promise<Principal>;
  /** Asks the hub again who is signed in (after an identity provider sent the browser back). */
  refresh(): Promise<Principal | null>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Provides the signed-in principal, asked from the hub once at start (the cookie is HttpOnly). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [principal, setPrincipal] = useState<Principal | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    const storage = browserStorage();
    if (!maySignedIn(storage)) {
      setLoading(false);
      return;
    }
    hub
      .me()
      .then((p) => {
        if (!live) return;
        setPrincipal(p);
        // An expired or revoked session: stop asking on every page load.
        if (!p) setSignedInHint(storage, false);
      })
      .catch(() => live && setPrincipal(null))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);

  const signedIn = useCallback((result: SignInResult) => {
    setSignedInHint(browserStorage(), true);
    setPrincipal(result.principal);
    return result.principal;
  }, []);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const result = await hub.signIn(username, password);
      return 'mfaRequired' in result ? result : signedIn(result);
    },
    [signedIn],
  );

  const signInTotp = useCallback(
    async (challenge: string, code: string) => signedIn(await identity.signInTotp(challenge, code)),
    [signedIn],
  );

  const confirmEnrolment = useCallback(
    async (challenge: string, code: string) =>
      signedIn(await identity.confirmEnrolmentAtSignIn(challenge, code)),
    [signedIn],
  );

  const refresh = useCallback(async () => {
    const p = await hub.me();
    setSignedInHint(browserStorage(), p !== null);
    setPrincipal(p);
    setLoading(false);
    return p;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await hub.signOut();
    } finally {
      // Signed out locally even if the session had already expired at the hub.
      setSignedInHint(browserStorage(), false);
      setPrincipal(null);
    }
  }, []);

  const value = useMemo(
    () => ({ principal, loading, signIn, signInTotp, confirmEnrolment, refresh, signOut }),
    [principal, loading, signIn, signInTotp, confirmEnrolment, refresh, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The auth state; only valid inside `AuthProvider`. */
export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside AuthProvider');
  return ctx;
}

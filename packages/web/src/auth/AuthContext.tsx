import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Principal } from '@openehds/client';
import { hub } from '../api';
import { browserStorage, maySignedIn, setSignedInHint } from './session-hint';

/** Who is signed in, and the actions that change it. */
export interface AuthState {
  principal: Principal | null;
  /** True until the first "who am I" answer arrived. */
  loading: boolean;
  signIn(username: string, password: string): Promise<Principal>;
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

  const signIn = useCallback(async (username: string, password: string) => {
    const result = await hub.signIn(username, password);
    setSignedInHint(browserStorage(), true);
    setPrincipal(result.principal);
    return result.principal;
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
    () => ({ principal, loading, signIn, signOut }),
    [principal, loading, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The auth state; only valid inside `AuthProvider`. */
export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside AuthProvider');
  return ctx;
}

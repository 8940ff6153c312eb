import { createContext, useContext, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { useAsync } from '../lib/use-async';
import { permitsApi } from './api';
import { mayOpenPermit } from './roles';

/** The permit ids the signed-in data user may open (every version); null for other readers or while loading. */
const OwnPermits = createContext<ReadonlySet<string> | null>(null);

/** Loads, once per page, which permits a data user may open, so permit numbers link only where the page would open. */
export function OwnPermitsProvider({ children }: { children: ReactNode }) {
  const { principal } = useAuth();
  const isUser = principal?.role === 'data_user';
  const own = useAsync(
    (signal) =>
      isUser
        ? permitsApi.list({ versions: 'all' }, signal).then((items) => new Set(items.map((p) => p.id)))
        : Promise.resolve(null),
    [isUser, principal?.accountId],
  );
  return <OwnPermits.Provider value={own.data ?? null}>{children}</OwnPermits.Provider>;
}

/** A permit number, linked to its page for readers allowed to open it (staff; a data user's own permits). */
export function PermitLink({ id }: { id: string }) {
  const { principal } = useAuth();
  const own = useContext(OwnPermits);
  const code = <code data-testid="permit-number">{id}</code>;
  if (!mayOpenPermit(principal?.role ?? null, id, own)) return code;
  return <Link to={`/permits/${encodeURIComponent(id)}`}>{code}</Link>;
}

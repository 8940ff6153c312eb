import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Role } from '@openehds/client';
import { Loading } from '../components/Loading';
import { ui } from '../i18n/ui';
import { fmt } from '../i18n/format';
import { useAuth } from './AuthContext';

/** Renders its children for the given roles; sends visitors to sign in and tells other roles why not. */
export function RequireRole({
  roles,
  message,
  children,
}: {
  roles: readonly Role[];
  message: string;
  children: ReactNode;
}) {
  const { principal, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!principal)
    return (
      <Navigate
        to="/sign-in"
        replace
        state={{ from: location.pathname + location.search, reason: message }}
      />
    );
  if (!roles.includes(principal.role)) {
    return (
      <div className="alert alert-info" role="status">
        <p>{message}</p>
        <p>{fmt(ui.nav.signedInAs, { name: principal.displayName, role: ui.roles[principal.role] })}</p>
      </div>
    );
  }
  return <>{children}</>;
}

import { Link } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { en } from '../i18n/en';
import { useTitle } from '../layout/use-title';
import { AuditLog } from './AuditLog';
import { NodesTable } from './NodesTable';
import { organisationsEn } from './organisations/strings';

/** Administration: node approval (admins) and the audit log with chain verification (admins, HDAB staff). */
export function AdminPage() {
  useTitle(en.admin.title);
  const { principal } = useAuth();
  return (
    <>
      <h1>{en.admin.title}</h1>
      <p>
        <Link to="/admin/organisations" data-testid="admin-organisations-link">
          {organisationsEn.link}
        </Link>{' '}
        <span className="muted">{organisationsEn.linkIntro}</span>
      </p>
      {principal?.role === 'admin' ? <NodesTable /> : <p className="muted">{en.admin.adminOnly}</p>}
      <AuditLog />
    </>
  );
}

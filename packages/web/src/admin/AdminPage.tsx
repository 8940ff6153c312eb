import { Link } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { ui } from '../i18n/ui';
import { useTitle } from '../layout/use-title';
import { AuditLog } from './AuditLog';
import { NodesTable } from './NodesTable';
import { organisationsText } from './organisations/strings';

/** Administration: node approval (admins) and the audit log with chain verification (admins, HDAB staff). */
export function AdminPage() {
  useTitle(ui.admin.title);
  const { principal } = useAuth();
  return (
    <>
      <h1>{ui.admin.title}</h1>
      <p>
        <Link to="/admin/organisations" data-testid="admin-organisations-link">
          {organisationsText.link}
        </Link>{' '}
        <span className="muted">{organisationsText.linkIntro}</span>
      </p>
      {principal?.role === 'admin' ? <NodesTable /> : <p className="muted">{ui.admin.adminOnly}</p>}
      <AuditLog />
    </>
  );
}

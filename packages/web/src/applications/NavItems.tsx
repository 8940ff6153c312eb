import { NavLink } from 'react-router-dom';
import type { Role } from '@openehds/client';
import { applicationNavFor } from './roles';
import { applicationsText as t } from './strings';

/** The main-navigation entries of applications (data users) and the work queue (HDAB staff). */
export function ApplicationNavItems({ role }: { role: Role | null }) {
  return (
    <>
      {applicationNavFor(role).map((item) => (
        <li key={item.to}>
          <NavLink to={item.to}>{t.nav[item.label]}</NavLink>
        </li>
      ))}
    </>
  );
}

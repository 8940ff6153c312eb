import { NavLink } from 'react-router-dom';
import type { Role } from '@openehds/client';
import { transparencyNavFor } from '../permits/roles';
import { permitsText as t } from '../permits/strings';

/** The main-navigation entries of data permits (data users, HDAB staff) and the public register (everyone). */
export function TransparencyNavItems({ role }: { role: Role | null }) {
  return (
    <>
      {transparencyNavFor(role).map((item) => (
        <li key={item.to}>
          <NavLink to={item.to}>{t.nav[item.label]}</NavLink>
        </li>
      ))}
    </>
  );
}

import { NavLink } from 'react-router-dom';
import type { Role } from '@openehds/client';
import { accountNavFor } from './roles';
import { accountText as t } from './strings';

/** The main-navigation entry "My account", for anyone signed in. */
export function AccountNavItems({ role }: { role: Role | null }) {
  return (
    <>
      {accountNavFor(role).map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} data-testid="nav-account">
            {t[item.label]}
          </NavLink>
        </li>
      ))}
    </>
  );
}

import { NavLink } from 'react-router-dom';
import type { Role } from '@openehds/client';
import { stakeholdersText as t } from './strings';

/** The main-navigation entry "Stakeholders", for every signed-in account. */
export function StakeholderNavItems({ role }: { role: Role | null }) {
  if (!role) return null;
  return (
    <li>
      <NavLink to="/stakeholders" data-testid="nav-stakeholders">
        {t.nav}
      </NavLink>
    </li>
  );
}

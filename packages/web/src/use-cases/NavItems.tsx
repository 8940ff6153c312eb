import { NavLink } from 'react-router-dom';
import type { Role } from '@openehds/client';
import { useCasesText as t } from './strings';

/** The main-navigation entry "AI use cases", for every signed-in account. */
export function UseCaseNavItems({ role }: { role: Role | null }) {
  if (!role) return null;
  return (
    <li>
      <NavLink to="/use-cases" data-testid="nav-use-cases">
        {t.nav}
      </NavLink>
    </li>
  );
}

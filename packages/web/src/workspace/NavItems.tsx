import { NavLink } from 'react-router-dom';
import type { Role } from '@openehds/client';
import { workspaceNavFor } from './roles';
import { workspaceText as t } from './strings';

/** The main-navigation entry "Workspaces", for data users. */
export function WorkspaceNavItems({ role }: { role: Role | null }) {
  return (
    <>
      {workspaceNavFor(role).map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} data-testid="nav-workspaces">
            {t[item.label]}
          </NavLink>
        </li>
      ))}
    </>
  );
}

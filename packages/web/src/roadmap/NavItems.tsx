import { NavLink } from 'react-router-dom';
import type { Role } from '@openehds/client';
import { roadmapText as t } from './strings';

/** The main-navigation entry "Roadmap", for any signed-in account. */
export function RoadmapNavItems({ role }: { role: Role | null }) {
  if (!role) return null;
  return (
    <li>
      <NavLink to="/roadmap" data-testid="nav-roadmap">
        {t.nav}
      </NavLink>
    </li>
  );
}

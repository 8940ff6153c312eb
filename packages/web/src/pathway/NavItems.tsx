import { NavLink } from 'react-router-dom';
import { pathwayText as t } from './strings';

/** The main-navigation entry "Regulatory pathway", for everyone. */
export function PathwayNavItems() {
  return (
    <li>
      <NavLink to="/pathway" data-testid="nav-pathway">
        {t.nav}
      </NavLink>
    </li>
  );
}

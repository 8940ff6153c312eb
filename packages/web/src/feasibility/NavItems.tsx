import { NavLink } from 'react-router-dom';
import { feasibilityText as t } from './strings';

/** The main-navigation entry "Feasibility", for everyone, signed in or not. */
export function FeasibilityNavItems() {
  return (
    <li>
      <NavLink to="/feasibility" data-testid="nav-feasibility">
        {t.nav}
      </NavLink>
    </li>
  );
}

import { NavLink } from 'react-router-dom';
import { genomicsText as t } from './strings';

/** The main-navigation entry "Genomics", for everyone, signed in or not (a Beacon answers anyone). */
export function GenomicsNavItems() {
  return (
    <li>
      <NavLink to="/genomics" data-testid="nav-genomics">
        {t.nav}
      </NavLink>
    </li>
  );
}

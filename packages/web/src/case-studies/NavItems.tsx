import { NavLink } from 'react-router-dom';
import { caseStudiesText as t } from './strings';

/** The main-navigation entry "Case studies": public, like the library it opens. */
export function CaseStudiesNavItems() {
  return (
    <li>
      <NavLink to="/case-studies" data-testid="nav-case-studies">
        {t.nav}
      </NavLink>
    </li>
  );
}

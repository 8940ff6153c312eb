import { NavLink } from 'react-router-dom';
import type { Role } from '@openehds/client';
import { airlockNavFor } from './roles';
import { airlockText as t } from './strings';

/** The main-navigation entry of the airlock: "Output checking" (HDAB staff) or "My outputs" (data users). */
export function AirlockNavItems({ role }: { role: Role | null }) {
  return (
    <>
      {airlockNavFor(role).map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} data-testid={`nav-airlock-${item.label}`}>
            {t.nav[item.label]}
          </NavLink>
        </li>
      ))}
    </>
  );
}

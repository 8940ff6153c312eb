import type { Role } from '../auth/roles';
import type { StakeholderPerson } from './model';

/**
 * Who sees a stakeholder's email. A contact's email is personal data (GDPR Art. 4(1)); data
 * minimisation (Art. 5(1)(c)) keeps it to the HDAB staff and administrators who run the platform's
 * stakeholder work. Every other signed-in user sees names and titles only. Pure.
 */
export const EMAIL_READERS: readonly Role[] = ['hdab_staff', 'admin'];

/** True when this role may read stakeholders' emails. */
export const seesEmails = (role: Role): boolean => EMAIL_READERS.includes(role);

/** The person as this reader may see them: without the `email` field for those who may not. */
export function personFor(person: StakeholderPerson, showEmail: boolean): StakeholderPerson {
  if (showEmail) return person;
  const { email: _hidden, ...rest } = person;
  return rest;
}

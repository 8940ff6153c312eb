/** Roles of the platform (EHDS.md §1: assessment, preparation and SPE operation are disjoint roles). */
export const ROLES = ['data_holder', 'data_user', 'hdab_staff', 'admin'] as const;

/** A platform role. */
export type Role = (typeof ROLES)[number];

/** The signed-in principal a request acts as. */
export interface Principal {
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  /** For data holders: the nodes their organisation runs. */
  nodeIds: string[];
}

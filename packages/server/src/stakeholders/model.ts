import type { AiCapabilities } from './schemas';
import type { EhdsRole, RelationshipKind, StakeholderType } from './vocab';

/** The records of the stakeholder registry as the API returns them (issue 6 §1). */

/** A stakeholder organisation. */
export interface StakeholderOrg {
  id: string;
  name: string;
  type: StakeholderType;
  country: string;
  ehdsRoles: EhdsRole[];
  aiCapabilities: AiCapabilities | null;
  interest: number;
  influence: number;
  website: string | null;
  description: string | null;
  /** The platform organisation it is (packages/server/src/organisations), when it has one. */
  organisationId: string | null;
  organisationName: string | null;
  peopleCount: number;
  createdAt: string;
  updatedAt: string;
}

/** A person; `email` is present only for HDAB staff and administrators (personal data). */
export interface StakeholderPerson {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  title: string | null;
  email?: string | null;
}

/** A relationship between two organisations, from → to. */
export interface StakeholderRelationship {
  id: string;
  fromOrgId: string;
  fromOrgName: string;
  toOrgId: string;
  toOrgName: string;
  kind: RelationshipKind;
  note: string | null;
}

/** One organisation with its people and every relationship it takes part in. */
export interface StakeholderOrgDetail extends StakeholderOrg {
  people: StakeholderPerson[];
  relationships: StakeholderRelationship[];
}

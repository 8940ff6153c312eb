/**
 * Kinds of organisation (EHDS.md §1: organisation apart from person, with type and public-sector
 * flag). The list matches the CHECK constraint of migration 0004.
 */
export const ORGANISATION_KINDS = [
  'biotech_company',
  'research_organisation',
  'public_body',
  'eu_body',
  'healthcare_provider',
  'data_holder',
  'patient_organisation',
  'ai_factory',
  'hdab',
] as const;

/** A kind of organisation. */
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

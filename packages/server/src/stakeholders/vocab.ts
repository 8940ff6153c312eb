/**
 * The vocabularies of the stakeholder registry (issue 6 §1). Pure; the lists match the CHECK
 * constraints of migration 0021 and are mirrored by packages/client/src/stakeholders.ts.
 */

/** Kinds of stakeholder organisation in the European health-data and AI landscape. */
export const STAKEHOLDER_TYPES = [
  'biotech',
  'data_holder',
  'healthcare_provider',
  'patient_organisation',
  'regulator',
  'hdab',
  'research',
  'ai_factory',
  'other',
] as const;

/** A kind of stakeholder organisation. */
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];

/**
 * Roles an organisation plays under Regulation (EU) 2025/327: health data holder [2(2)(t), 60],
 * health data user [61], health data access body [55], health data intermediation entity (defined
 * in Art. 2(2); may act for holders, Art. 50), trusted health data holder [72], national contact
 * point for secondary use [75].
 */
export const EHDS_ROLES = [
  'data_holder',
  'data_user',
  'hdab',
  'health_data_intermediation_entity',
  'trusted_data_holder',
  'national_contact_point',
] as const;

/** A role under the EHDS. */
export type EhdsRole = (typeof EHDS_ROLES)[number];

/** How one organisation relates to another (an edge of the network graph, from → to). */
export const RELATIONSHIP_KINDS = [
  'funds',
  'supplies_data',
  'collaborates',
  'regulates',
  'member_of',
  'provides_compute',
] as const;

/** A kind of relationship. */
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

// ISO 3166-1 alpha-2 officially assigned codes (249).
const ISO_3166_ALPHA2 = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV ' +
  'BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ' +
  'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE ' +
  'IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU ' +
  'NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM ' +
  'SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE ' +
  'VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/** Country codes accepted: ISO 3166-1 alpha-2, plus EU and EEA for Union-level bodies (as in DUO's GS). */
export const COUNTRY_CODES: ReadonlySet<string> = new Set([...ISO_3166_ALPHA2, 'EU', 'EEA']);

/**
 * The stored form of a country code, or null when it is not one: upper-cased, and EL (the EU's
 * own code for Greece, used in Eurostat tables) read as GR.
 */
export function normaliseCountry(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code === 'EL') return 'GR';
  return COUNTRY_CODES.has(code) ? code : null;
}

/**
 * The purposes of secondary use (Art. 53(1), a closed list) and the prohibited uses every applicant
 * declares against (Art. 54). Codes are ours (EHDS.md §3); letters are the regulation's.
 */
export const PURPOSES = [
  'PUBLIC_HEALTH',
  'POLICY_REGULATION',
  'OFFICIAL_STATISTICS',
  'EDUCATION',
  'SCIENTIFIC_RESEARCH',
  'CARE_IMPROVEMENT',
] as const;

export type Purpose = (typeof PURPOSES)[number];

/** Art. 53(1) letter of each purpose, for documents that cite it. */
export const PURPOSE_LETTER: Record<Purpose, string> = {
  PUBLIC_HEALTH: 'a',
  POLICY_REGULATION: 'b',
  OFFICIAL_STATISTICS: 'c',
  EDUCATION: 'd',
  SCIENTIFIC_RESEARCH: 'e',
  CARE_IMPROVEMENT: 'f',
};

/** Art. 53(2): purposes (a)–(c) are reserved to public sector bodies and EU bodies (or those acting for them). */
export const PUBLIC_BODY_PURPOSES: readonly Purpose[] = [
  'PUBLIC_HEALTH',
  'POLICY_REGULATION',
  'OFFICIAL_STATISTICS',
];

/** Art. 54(a)–(e): one declaration each. */
export const PROHIBITED_USES = [
  'DETRIMENTAL_DECISIONS',
  'EMPLOYMENT_INSURANCE_CREDIT_DISCRIMINATION',
  'ADVERTISING_MARKETING',
  'HARMFUL_PRODUCTS',
  'AGAINST_NATIONAL_ETHICS_LAW',
] as const;

export type ProhibitedUse = (typeof PROHIBITED_USES)[number];

/** Who is applying, as far as the purpose rules care. */
export interface ApplicantStanding {
  /** A public body or EU body whose status the HDAB has verified. */
  verifiedPublicBody: boolean;
}

/** The purposes an applicant may not claim (Art. 53(2)); empty when all are allowed. */
export function ineligiblePurposes(purposes: readonly Purpose[], applicant: ApplicantStanding): Purpose[] {
  if (applicant.verifiedPublicBody) return [];
  return purposes.filter((p) => PUBLIC_BODY_PURPOSES.includes(p));
}

/**
 * Art. 68(6): the accelerated procedure (2 + 1 months) applies to public sector and EU bodies whose
 * purposes are all of Art. 53(1)(a)–(c).
 */
export function isAccelerated(purposes: readonly Purpose[], applicant: ApplicantStanding): boolean {
  return (
    applicant.verifiedPublicBody &&
    purposes.length > 0 &&
    purposes.every((p) => PUBLIC_BODY_PURPOSES.includes(p))
  );
}

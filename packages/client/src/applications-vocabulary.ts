/**
 * The hub's vocabularies for applications, requests and their handling: status and event codes,
 * purposes (Art. 53), prohibited uses (Art. 54), the assessment criteria (Art. 68). Mirrored from
 * `@openehds/core` so the client depends on nothing but fetch (DESIGN.md §2); vocabularies.test.ts
 * fails if the two drift apart.
 */
/** Application (Art. 67) or health data request (Art. 69). */
export const APPLICATION_KINDS = ['application', 'request'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/** The case file's status (TEHDAS2 DAAMS, plus the local DRAFT). */
export const APPLICATION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'PRE_SCREENING',
  'PROCESSING',
  'AWAITING_ADDITIONAL_INFORMATION',
  'DECISION_ISSUED',
  'WITHDRAWN',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Status events, in the order the hub lists them. */
export const APPLICATION_EVENTS = [
  'submit',
  'start-pre-screening',
  'request-information',
  'provide-information',
  'complete',
  'decide',
  'lapse',
  'withdraw',
] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

/** The events HDAB staff cause through `POST /api/applications/:id/transitions`. */
export const STAFF_TRANSITIONS = ['start-pre-screening', 'request-information', 'complete'] as const;
export type StaffTransition = (typeof STAFF_TRANSITIONS)[number];

/** The outcome recorded with DECISION_ISSUED (Art. 68(3), (9)). */
export const OUTCOMES = ['GRANTED', 'PARTIALLY_GRANTED', 'REFUSED', 'ANSWERED_AS_REQUEST'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Purposes of Art. 53(1), letters (a)–(f) in order. */
export const PURPOSES = [
  'PUBLIC_HEALTH',
  'POLICY_REGULATION',
  'OFFICIAL_STATISTICS',
  'EDUCATION',
  'SCIENTIFIC_RESEARCH',
  'CARE_IMPROVEMENT',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Art. 53(1) letter of each purpose. */
export const PURPOSE_LETTER: Record<Purpose, string> = {
  PUBLIC_HEALTH: 'a',
  POLICY_REGULATION: 'b',
  OFFICIAL_STATISTICS: 'c',
  EDUCATION: 'd',
  SCIENTIFIC_RESEARCH: 'e',
  CARE_IMPROVEMENT: 'f',
};

/** Art. 53(2): purposes (a)–(c) are reserved to verified public sector and EU bodies. */
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

/** Roles of the persons named in an application (Art. 67(2)(a), 68(10)(d)). */
export const PERSON_ROLES = [
  'principal_investigator',
  'researcher',
  'data_scientist',
  'student',
  'other',
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** GDPR Art. 6(1) letters an applicant states (Art. 67(4), 69(2)(f)). */
export const LEGAL_BASES = ['6(1)(a)', '6(1)(b)', '6(1)(c)', '6(1)(d)', '6(1)(e)', '6(1)(f)'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** Ethics review status (Art. 67(2)(j)). */
export const ETHICS_STATUSES = ['approved', 'pending', 'not_required'] as const;
export type EthicsStatus = (typeof ETHICS_STATUSES)[number];

/** The assessment checklist: Art. 68(1)(a)–(h) and the risks of Art. 68(2). */
export const CRITERION_IDS = [
  '68(1)(a)',
  '68(1)(b)',
  '68(1)(c)',
  '68(1)(d)',
  '68(1)(e)',
  '68(1)(f)',
  '68(1)(g)',
  '68(1)(h)',
  '68(2)',
] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

export const VERDICTS = ['met', 'not_met', 'not_applicable'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * The lengths of the statutory periods, in one place so the README, the clocks and the tests agree.
 * Values from Regulation (EU) 2025/327 unless marked [OURS].
 */

/** [OURS] Days the HDAB gives itself to check completeness (SUBMITTED → PROCESSING). */
export const COMPLETENESS_DAYS = 28;

/** Art. 68(4): the applicant has 4 weeks to complete the file when asked for more information. */
export const ADDITIONAL_INFORMATION_DAYS = 28;

/** Art. 57(1)(j)(iii): permits, approvals and reasoned refusals are published within 30 working days. */
export const PUBLICATION_WORKING_DAYS = 30;

/** The decision period and its one extension, in calendar months, with the clause each comes from. */
export interface DecisionPeriod {
  months: number;
  /** Months the one extension adds; 0 where the law allows none (health data requests). */
  extensionMonths: number;
  article: string;
}

/**
 * Art. 68(4): 3 months from a complete application, +3 with reasons; Art. 68(6): 2 (+1) months for
 * public/EU bodies with purposes 53(1)(a)-(c); Art. 69(4): a request is assessed within 3 months and
 * has no extension (the "3 more months" there are for delivering the answer, not for deciding).
 */
export function decisionPeriod(kind: 'application' | 'request', accelerated: boolean): DecisionPeriod {
  if (kind === 'request') return { months: 3, extensionMonths: 0, article: 'Art. 69(4)' };
  return accelerated
    ? { months: 2, extensionMonths: 1, article: 'Art. 68(6)' }
    : { months: 3, extensionMonths: 3, article: 'Art. 68(4)' };
}

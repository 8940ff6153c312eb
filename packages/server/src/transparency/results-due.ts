import { addCalendarMonths } from '@openehds/core';

/** Art. 61(4): results are made public within 18 months of the end of processing or of the answer. */
export const RESULTS_DUE_MONTHS = 18;

/** The results duty of one permit or answered request. */
export interface ResultsDuty {
  /** When processing ended (permit revoked, expired or past its end) or the request was answered. */
  endedAt: string;
  dueAt: string;
  /** Past the 18 months and nothing reported. */
  overdue: boolean;
}

/** What the duty is computed from: the permit chain's latest version, or the answer of a request. */
export interface ResultsDutyInput {
  latestPermit: { status: string; validUntil: string; activeUntil: string | null } | null;
  /** Set for an answered health data request (or an application answered as one, Art. 68(3)). */
  answeredAt: string | null;
  resultsReported: number;
}

/**
 * The Art. 61(4) duty as of `now`, or null while it has not started (the permit still runs) or never
 * applies (a refusal). The 18 months are calendar months; an extension by the HDAB is not modelled.
 */
export function resultsDuty(input: ResultsDutyInput, now: Date): ResultsDuty | null {
  let ended: Date | null = null;
  const p = input.latestPermit;
  if (p) {
    if (p.status === 'REVOKED' || p.status === 'EXPIRED') ended = new Date(p.activeUntil ?? p.validUntil);
    else if (Date.parse(p.validUntil) <= now.getTime()) ended = new Date(p.validUntil);
  } else if (input.answeredAt) {
    ended = new Date(input.answeredAt);
  }
  if (!ended) return null;
  const dueAt = addCalendarMonths(ended, RESULTS_DUE_MONTHS);
  return {
    endedAt: ended.toISOString(),
    dueAt: dueAt.toISOString(),
    overdue: input.resultsReported === 0 && now.getTime() > dueAt.getTime(),
  };
}

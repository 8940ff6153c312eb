import { conflict } from '../errors/app-error';

/**
 * The status model of applications and health data requests (TEHDAS2 DAAMS, EHDS.md §5): a local
 * DRAFT, then the statuses synchronised across HDABs. The table is the rule; `nextStatus` refuses
 * anything it does not list, with a message naming what is allowed.
 */
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

/** The outcome recorded with DECISION_ISSUED (Art. 68(3), (9); D6.3). */
export const OUTCOMES = ['GRANTED', 'PARTIALLY_GRANTED', 'REFUSED', 'ANSWERED_AS_REQUEST'] as const;
export type Outcome = (typeof OUTCOMES)[number];

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

/** Who may cause an event: the applicant, HDAB staff, or the system's scheduler. */
export const EVENT_ACTOR: Record<ApplicationEvent, 'applicant' | 'staff' | 'system'> = {
  submit: 'applicant',
  'start-pre-screening': 'staff',
  'request-information': 'staff',
  'provide-information': 'applicant',
  complete: 'staff',
  decide: 'staff',
  lapse: 'system',
  withdraw: 'applicant',
};

const FINAL: readonly ApplicationStatus[] = ['DECISION_ISSUED', 'WITHDRAWN'];

/**
 * The next status after an event, or null when the table has no such transition. `resumeTo` is
 * where the file was before it started awaiting information (PRE_SCREENING or PROCESSING), so the
 * answer puts it back where it was.
 */
export function transitionOf(
  current: ApplicationStatus,
  event: ApplicationEvent,
  resumeTo: ApplicationStatus | null = null,
): ApplicationStatus | null {
  switch (event) {
    case 'submit':
      return current === 'DRAFT' ? 'SUBMITTED' : null;
    case 'start-pre-screening':
      return current === 'SUBMITTED' ? 'PRE_SCREENING' : null;
    case 'request-information':
      // Art. 68(4): the HDAB may ask for more while checking completeness or assessing.
      return current === 'PRE_SCREENING' || current === 'PROCESSING'
        ? 'AWAITING_ADDITIONAL_INFORMATION'
        : null;
    case 'provide-information':
      return current === 'AWAITING_ADDITIONAL_INFORMATION' ? (resumeTo ?? 'PRE_SCREENING') : null;
    case 'complete':
      // The file is complete: the decision clock starts (Art. 68(4)).
      return current === 'PRE_SCREENING' ? 'PROCESSING' : null;
    case 'decide':
      return current === 'PROCESSING' ? 'DECISION_ISSUED' : null;
    case 'lapse':
      // Art. 68(4): no answer within 4 weeks, so the application is refused.
      return current === 'AWAITING_ADDITIONAL_INFORMATION' ? 'DECISION_ISSUED' : null;
    case 'withdraw':
      // The applicant may withdraw a non-final file at any time (Art. 62(5): incurred costs only).
      return current === 'DRAFT' || FINAL.includes(current) ? null : 'WITHDRAWN';
  }
}

/** The events possible from a status (for buttons in the UI and messages). */
export function allowedEvents(current: ApplicationStatus): ApplicationEvent[] {
  return APPLICATION_EVENTS.filter((e) => transitionOf(current, e) !== null);
}

/** Like `transitionOf`, but a transition the table does not list is a 409 naming what is allowed. */
export function nextStatus(
  current: ApplicationStatus,
  event: ApplicationEvent,
  resumeTo: ApplicationStatus | null = null,
): ApplicationStatus {
  const next = transitionOf(current, event, resumeTo);
  if (next) return next;
  const allowed = allowedEvents(current);
  throw conflict(
    `an application in status ${current} cannot take the event "${event}"` +
      (allowed.length ? `; allowed now: ${allowed.join(', ')}` : '; it is final'),
  );
}

export const isFinal = (s: ApplicationStatus): boolean => FINAL.includes(s);

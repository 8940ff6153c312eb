/**
 * Words for a file's status, outcome and history: the status badge, who acted, and what each
 * history event means.
 */
import type { ApplicationHistoryEvent, ApplicationStatus, Outcome } from '@openehds/client';
import type { Badge, Tone } from './clock-text';
import { applicationsText as t } from './strings';

const STATUS_TONE: Record<ApplicationStatus, Tone> = {
  DRAFT: 'muted',
  SUBMITTED: 'info',
  PRE_SCREENING: 'info',
  PROCESSING: 'info',
  AWAITING_ADDITIONAL_INFORMATION: 'warn',
  DECISION_ISSUED: 'ok',
  WITHDRAWN: 'muted',
};

/** The badge of a status; a decision shows its outcome (a refusal in the "bad" tone). */
export function statusBadge(status: ApplicationStatus, outcome: Outcome | null): Badge {
  if (status === 'DECISION_ISSUED' && outcome)
    return { text: t.outcomes[outcome], tone: outcome === 'REFUSED' ? 'bad' : 'ok' };
  return { text: t.statuses[status] ?? status, tone: STATUS_TONE[status] ?? 'muted' };
}

/** Who acted, readable: `account:hdab` → `hdab`; the scheduler is "the hub". */
export function actorName(actor: string): string {
  if (actor === 'system') return t.file.system;
  return actor.replace(/^account:/, '');
}

/** What a history event means, in words (the raw event name when unknown). */
export function eventLabel(e: Pick<ApplicationHistoryEvent, 'event' | 'details'>): string {
  const base = t.events[e.event] ?? e.event;
  const outcome = e.details?.outcome;
  if (e.event === 'decide' && typeof outcome === 'string' && outcome in t.outcomes)
    return `${base}: ${t.outcomes[outcome as Outcome]}`;
  return base;
}

/** The latest request for information in the history (its message and when), if any. */
export function latestInformationRequest(
  history: readonly ApplicationHistoryEvent[],
): { at: string; message: string } | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i]!;
    if (e.event === 'request-information') return { at: e.at, message: e.reason ?? '' };
  }
  return null;
}

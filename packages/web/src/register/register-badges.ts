/**
 * Badges of the public register: a file's status (its outcome once published), a decision's outcome
 * and a permit's current status (revoked and expired included, Art. 57(1)(j)(iv)). Words always say
 * what the colour does.
 */
import type { Badge, Tone } from '../applications/clock-text';
import { nameOf } from '../i18n/format';
import { registerText as t } from './strings';

const OUTCOME_TONE: Record<string, Tone> = {
  GRANTED: 'ok',
  PARTIALLY_GRANTED: 'ok',
  REFUSED: 'bad',
  ANSWERED_AS_REQUEST: 'ok',
};

/** A decision's outcome. */
export function outcomeBadge(outcome: string): Badge {
  return { text: nameOf(t.outcomes, outcome), tone: OUTCOME_TONE[outcome] ?? 'muted' };
}

/** A received file: its published outcome, else its status. */
export function applicationBadge(a: { status: string; outcome: string | null }): Badge {
  if (a.outcome) return outcomeBadge(a.outcome);
  const tone: Tone =
    a.status === 'WITHDRAWN'
      ? 'muted'
      : a.status === 'AWAITING_ADDITIONAL_INFORMATION'
        ? 'warn'
        : a.status === 'DECISION_ISSUED'
          ? 'ok'
          : 'info';
  return { text: nameOf(t.statuses, a.status), tone };
}

/** A permit version's status in words: a live version a later one replaced says so (D6.4). */
export function versionStatusText(v: { status: string; activeUntil: string | null }): string {
  if (v.activeUntil && v.status !== 'REVOKED' && v.status !== 'EXPIRED') return t.superseded;
  return nameOf(t.permitStatuses, v.status);
}

/** A permit's status as the register shows it. */
export function permitStatusBadge(status: string): Badge {
  const tone: Tone = status === 'REVOKED' ? 'bad' : status === 'EXPIRED' ? 'muted' : 'ok';
  return { text: nameOf(t.permitStatuses, status), tone };
}

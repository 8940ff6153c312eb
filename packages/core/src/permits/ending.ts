/**
 * How a data permit ends: revoked as an enforcement measure (Art. 63) or expired at the end of its
 * access period; either way the SPE is torn down and its data deleted within 6 months (Art. 68(12)).
 */
import { addCalendarMonths } from '../deadlines/calendar';
import { invalid } from '../errors/app-error';
import { assertCurrent, isLiveStatus } from './status';
import type { PermitEnding, PermitVersion } from './types';

/** Art. 68(12): months after expiry (or revocation) within which the SPE data are deleted. */
export const DELETION_MONTHS = 6;

/** When the SPE data of a permit that ended at `endedAt` must be deleted, backups included (OPR-5). */
export function deletionDueAt(endedAt: Date): Date {
  return addCalendarMonths(endedAt, DELETION_MONTHS);
}

/** Plans the revocation of the current version at `now`; the reason is required and recorded (Art. 63). */
export function planRevocation(current: PermitVersion, reason: string, now: Date): PermitEnding {
  if (!reason?.trim())
    throw invalid('a revocation needs its reason, which is notified and published (Art. 63, 57(1)(j)(iv))', [
      { path: 'reason', message: 'required' },
    ]);
  assertCurrent(current, now, 'revoked');
  return {
    permit: { ...current, status: 'REVOKED', activeUntil: now },
    endedAt: now,
    deletionDueAt: deletionDueAt(now),
    reason: reason.trim(),
  };
}

/**
 * The EXPIRED transitions a scheduler should apply at `now`: every current GRANTED, AMENDED or RENEWED
 * version whose end date has passed, oldest first, closed at its end date.
 */
export function dueExpiries(permits: readonly PermitVersion[], now: Date): PermitEnding[] {
  return permits
    .filter(
      (p) => isLiveStatus(p.status) && p.activeUntil === null && p.validUntil.getTime() <= now.getTime(),
    )
    .sort((a, b) => a.validUntil.getTime() - b.validUntil.getTime())
    .map((p) => ({
      permit: { ...p, status: 'EXPIRED', activeUntil: p.validUntil },
      endedAt: p.validUntil,
      deletionDueAt: deletionDueAt(p.validUntil),
    }));
}

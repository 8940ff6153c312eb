/**
 * Renewing a data permit (Art. 68(12)): once only for the whole chain, requested at least one month
 * before expiry, for at most 10 more years. Renewal issues a new permit id (TEHDAS2 D6.4).
 */
import { addCalendarMonths } from '../deadlines/calendar';
import { conflict, invalid } from '../errors/app-error';
import { MAX_PERMIT_YEARS } from './duration';
import { assertCurrent, showDate } from './status';
import { succeed } from './successor';
import type { PermitSuccession, PermitVersion } from './types';

/** The last instant a renewal may be requested: one month before the end of validity (Art. 68(12)). */
export function renewalDeadline(p: PermitVersion): Date {
  return addCalendarMonths(p.validUntil, -1);
}

/**
 * Throws `conflict` unless a renewal of `current` may be requested at `requestedAt`: a current GRANTED
 * or AMENDED version, never renewed in its chain, at least one month before expiry (Art. 68(12)).
 */
export function validateRenewalRequest(current: PermitVersion, requestedAt: Date): void {
  assertCurrent(current, requestedAt, 'renewed');
  if (current.renewals > 0 || current.status === 'RENEWED')
    throw conflict(
      `permit chain ${current.rootPermitId} was already renewed once; Art. 68(12) allows one renewal only, so start a new application`,
    );
  const deadline = renewalDeadline(current);
  if (requestedAt.getTime() > deadline.getTime())
    throw conflict(
      `a renewal must be requested at least one month before expiry (Art. 68(12)); permit ${current.permitId} expires on ${showDate(current.validUntil)}, so the last day was ${showDate(deadline)}; start a new application`,
    );
}

/** Options of a renewal: the new version's id, and when it was requested (defaults to `now`). */
export interface PermitRenewal {
  permitId: string;
  requestedAt?: Date;
}

/**
 * Plans the one renewal of `current` until `newValidUntil` (at most 10 years after the current end):
 * closes the current version at `now` and opens a RENEWED version with a new id.
 *
 * Art. 68(12) asks the data user to request the renewal in time, not the HDAB to decide before the
 * end: a version that expired with a timely request on file (`renewal.requestedAt`) may still be
 * renewed. It stays closed at its end; access resumes with the renewed version, not in between.
 */
export function planRenewal(
  current: PermitVersion,
  newValidUntil: Date,
  now: Date,
  renewal: PermitRenewal,
): PermitSuccession {
  const expiredWithRequest =
    renewal.requestedAt !== undefined &&
    current.status === 'EXPIRED' &&
    current.activeUntil?.getTime() === current.validUntil.getTime();
  if (expiredWithRequest) {
    // Judged as the version was when the request came: current, and not renewed before.
    validateRenewalRequest({ ...current, status: 'GRANTED', activeUntil: null }, renewal.requestedAt!);
  } else {
    validateRenewalRequest(current, renewal.requestedAt ?? now);
    assertCurrent(current, now, 'renewed');
  }
  if (Number.isNaN(newValidUntil.getTime()) || newValidUntil.getTime() <= current.validUntil.getTime())
    throw invalid(`a renewal must end after the current end, ${showDate(current.validUntil)}`, [
      { path: 'validUntil', message: `after ${showDate(current.validUntil)}` },
    ]);
  const latest = addCalendarMonths(current.validUntil, MAX_PERMIT_YEARS * 12);
  if (newValidUntil.getTime() > latest.getTime())
    throw invalid(
      `a renewal adds at most ${MAX_PERMIT_YEARS} years (Art. 68(12)); permit ${current.permitId} can be renewed until ${showDate(latest)} at the latest`,
      [{ path: 'validUntil', message: `at most ${showDate(latest)}` }],
    );
  const succession = succeed(current, renewal.permitId, 'RENEWED', now, {
    validUntil: newValidUntil,
    renewals: current.renewals + 1,
  });
  return expiredWithRequest ? { ...succession, previous: current } : succession;
}

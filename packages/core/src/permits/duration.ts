/**
 * Art. 68(12): a data permit is issued for at most 10 years (the renewal, once, for at most 10 more).
 */
import { addCalendarMonths } from '../deadlines/calendar';
import { invalid } from '../errors/app-error';
import { showDate } from './status';

/** Art. 68(12): the longest access period of a permit, and of its one renewal, in years. */
export const MAX_PERMIT_YEARS = 10;

function assertValidDate(at: Date, path: string): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime()))
    throw invalid(`${path} is not a valid date`, [{ path, message: 'expected a valid Date' }]);
}

/** Throws `invalid` unless `validFrom < validUntil ≤ validFrom + 10 years` (Art. 68(12)). */
export function validateDuration(validFrom: Date, validUntil: Date): void {
  assertValidDate(validFrom, 'validFrom');
  assertValidDate(validUntil, 'validUntil');
  if (validUntil.getTime() <= validFrom.getTime())
    throw invalid(`the access period must end after it starts (${showDate(validFrom)})`, [
      { path: 'validUntil', message: 'must be after validFrom' },
    ]);
  const latest = addCalendarMonths(validFrom, MAX_PERMIT_YEARS * 12);
  if (validUntil.getTime() > latest.getTime())
    throw invalid(
      `a data permit lasts at most ${MAX_PERMIT_YEARS} years (Art. 68(12)); from ${showDate(validFrom)} it can run until ${showDate(latest)} at the latest`,
      [{ path: 'validUntil', message: `at most ${showDate(latest)}` }],
    );
}

/**
 * Amending a data permit (TEHDAS2 D6.4; D6.3: adding a person is an administrative amendment, new
 * variables need a new application). The content change itself is the caller's; this decides whether
 * the current version may be amended and builds the new version.
 */
import { invalid } from '../errors/app-error';
import { assertCurrent, showDate } from './status';
import { succeed } from './successor';
import type { PermitSuccession, PermitVersion } from './types';

/** The amendment: the new version's id, and optionally an earlier end date. */
export interface PermitAmendment {
  permitId: string;
  /** Only shortening is an amendment; a later end date is a renewal (Art. 68(12)) [OURS]. */
  validUntil?: Date;
}

/**
 * Plans an amendment of a GRANTED, AMENDED or RENEWED current version: the previous version closes at
 * `now` and the new one (status AMENDED, new id) starts; throws `conflict` or `invalid` with the reason.
 */
export function planAmendment(current: PermitVersion, change: PermitAmendment, now: Date): PermitSuccession {
  assertCurrent(current, now, 'amended');
  const validUntil = change.validUntil ?? current.validUntil;
  if (Number.isNaN(validUntil.getTime()))
    throw invalid('validUntil is not a valid date', [
      { path: 'validUntil', message: 'expected a valid Date' },
    ]);
  if (validUntil.getTime() > current.validUntil.getTime())
    throw invalid(
      `an amendment cannot extend permit ${current.permitId} beyond ${showDate(current.validUntil)}; ask for its renewal (Art. 68(12))`,
      [{ path: 'validUntil', message: `at most ${showDate(current.validUntil)}` }],
    );
  if (validUntil.getTime() <= now.getTime() || validUntil.getTime() <= current.validFrom.getTime())
    throw invalid(
      `the amended access period would already be over; to end permit ${current.permitId} now, let it expire or revoke it (Art. 63)`,
      [{ path: 'validUntil', message: 'must be in the future and after validFrom' }],
    );
  return succeed(current, change.permitId, 'AMENDED', now, { validUntil });
}

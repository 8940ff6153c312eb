/**
 * The first version of a data permit (Art. 68(1), (10)): status GRANTED, version 1, its own chain root.
 */
import { invalid } from '../errors/app-error';
import { validateDuration } from './duration';
import { showDate } from './status';
import type { PermitVersion } from './types';

/** What the HDAB decided: the new permit's id and access period. */
export interface PermitGrant {
  permitId: string;
  validFrom: Date;
  validUntil: Date;
}

/** Plans the original permit version, active from `now`; throws `invalid` for a bad id or period. */
export function planGrant(grant: PermitGrant, now: Date): PermitVersion {
  if (!grant.permitId?.trim())
    throw invalid('a permit needs an id', [{ path: 'permitId', message: 'required' }]);
  validateDuration(grant.validFrom, grant.validUntil);
  if (grant.validUntil.getTime() <= now.getTime())
    throw invalid(`the access period ended on ${showDate(grant.validUntil)}, before the grant`, [
      { path: 'validUntil', message: 'must be in the future' },
    ]);
  return {
    permitId: grant.permitId,
    status: 'GRANTED',
    version: 1,
    previousPermitId: null,
    rootPermitId: grant.permitId,
    validFrom: grant.validFrom,
    validUntil: grant.validUntil,
    activeFrom: now,
    activeUntil: null,
    renewals: 0,
  };
}

/**
 * TEHDAS2 D6.4: an amendment or a renewal is a new permit with a new id; the previous version is
 * closed at the same instant, so exactly one version of a chain governs access at any time.
 */
import { invalid } from '../errors/app-error';
import type { PermitStatus, PermitSuccession, PermitVersion } from './types';

/** Closes `current` at `now` and opens its successor with the given id, status and changes. */
export function succeed(
  current: PermitVersion,
  permitId: string,
  status: PermitStatus,
  now: Date,
  changes: Partial<Pick<PermitVersion, 'validUntil' | 'renewals'>> = {},
): PermitSuccession {
  if (!permitId?.trim())
    throw invalid('the new version needs its own permit id (D6.4)', [
      { path: 'permitId', message: 'required' },
    ]);
  if (permitId === current.permitId || permitId === current.rootPermitId)
    throw invalid(
      `permit id ${permitId} is already used in chain ${current.rootPermitId}; issue a new id (D6.4)`,
      [{ path: 'permitId', message: 'must be new' }],
    );
  return {
    previous: { ...current, activeUntil: now },
    next: {
      ...current,
      ...changes,
      permitId,
      status,
      version: current.version + 1,
      previousPermitId: current.permitId,
      activeFrom: now,
      activeUntil: null,
    },
  };
}

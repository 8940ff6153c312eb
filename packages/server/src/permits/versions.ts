import type { PermitVersion } from '@openehds/core';
import type { PermitRecord } from './store';

/** The lifecycle view of a stored permit version, for the pure rules of @openehds/core (EHDS.md §5). */
export function toVersion(p: PermitRecord): PermitVersion {
  return {
    permitId: p.id,
    status: p.status,
    version: p.version,
    previousPermitId: p.previousId,
    rootPermitId: p.rootId,
    validFrom: new Date(p.validFrom),
    validUntil: new Date(p.validUntil),
    activeFrom: new Date(p.activeFrom),
    activeUntil: p.activeUntil ? new Date(p.activeUntil) : null,
    renewals: p.renewals,
  };
}

/** Principal investigator first (Art. 68(10)(d) names them especially), then in the given order. */
export function piFirst<T extends { role: string }>(persons: readonly T[]): T[] {
  return [...persons].sort(
    (a, b) => Number(b.role === 'principal_investigator') - Number(a.role === 'principal_investigator'),
  );
}

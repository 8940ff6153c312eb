import type { Db } from '@openehds/db';
import { isActive } from '@openehds/core';
import type { HubConfig } from '../../config';
import { personIdentifier } from '../access';
import { permitVersions } from '../store';
import { toVersion } from '../versions';

/** Why a visa no longer holds. */
export type VisaRevocationReason = 'REVOKED' | 'EXPIRED' | 'NO_LONGER_GRANTED';

/** A visa that no longer holds but has not expired yet. */
export interface RevokedVisa {
  jti: string;
  /** The visa's own `exp` (seconds since the epoch): after it, the entry is dropped. */
  exp: number;
  reason: VisaRevocationReason;
}

/**
 * Visas issued by this hub that are still within their `exp` but whose permit chain no longer grants
 * the subject access to the dataset: the permit was revoked (Art. 63), it expired, or its current
 * version (after an amendment) no longer names the person or the dataset. Visas are short-lived, so
 * the list stays short; verifiers that cannot wait for `exp` check it. It names no person or dataset.
 */
export async function revokedVisas(
  db: Db,
  config: HubConfig,
  now = new Date(),
): Promise<{ issuer: string; generatedAt: string; revoked: RevokedVisa[] }> {
  const visas = await db.query<{
    jti: string;
    root_id: string;
    subject: string;
    dataset_id: string;
    expires_at: string;
  }>(
    'SELECT jti, root_id, subject, dataset_id, expires_at FROM visa_issued WHERE expires_at > $1 ORDER BY expires_at, jti',
    [now.toISOString()],
  );
  const chains = new Map<string, Awaited<ReturnType<typeof permitVersions>>>();
  const revoked: RevokedVisa[] = [];
  for (const v of visas) {
    let chain = chains.get(v.root_id);
    if (!chain) chains.set(v.root_id, (chain = await permitVersions(db, v.root_id)));
    const latest = chain.at(-1);
    let reason: VisaRevocationReason | null = null;
    if (!latest || latest.status === 'REVOKED') reason = 'REVOKED';
    else if (latest.status === 'EXPIRED' || Date.parse(latest.validUntil) <= now.getTime())
      reason = 'EXPIRED';
    else if (
      !isActive(toVersion(latest), now) ||
      !latest.content.persons.some((x) => personIdentifier(x) === v.subject) ||
      !latest.content.datasets.some((d) => d.datasetId === v.dataset_id)
    )
      reason = 'NO_LONGER_GRANTED';
    if (reason)
      revoked.push({ jti: v.jti, exp: Math.floor(new Date(v.expires_at).getTime() / 1000), reason });
  }
  return { issuer: config.publicUrl, generatedAt: now.toISOString(), revoked };
}

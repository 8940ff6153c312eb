import type { Queryable } from '@openehds/db';
import { signDocument, type FederationKeyPair, type SignedDocument } from '@openehds/core';
import { appendPermitEvent } from './history';
import type { PermitRecord } from './store';

/**
 * The signed notice that a permit version ended: revoked as an enforcement measure (Art. 63) or
 * expired at the end of its period (Art. 68(12)), with the reason, the end time and the date by
 * which the data prepared for it must be deleted. Signed with the hub's key like the decision and
 * the permit (`ehds verify FILE` checks it), and kept on the version's history entry.
 */
export async function recordPermitEnd(
  tx: Queryable,
  key: FederationKeyPair,
  permit: Pick<PermitRecord, 'id' | 'rootId' | 'version' | 'status' | 'content'>,
  end: {
    event: 'revoke' | 'expire';
    actor: string;
    endedAt: Date;
    reason: string | null;
    deletionDueAt: Date;
  },
  now = new Date(),
): Promise<SignedDocument> {
  const status = end.event === 'revoke' ? 'REVOKED' : 'EXPIRED';
  const signed = signDocument(
    'openehds.permit-end/v1',
    {
      permitNumber: permit.id,
      permitChain: permit.rootId,
      version: permit.version,
      applicationReference: permit.content.applicationReference,
      status,
      endedAt: end.endedAt.toISOString(),
      reason: end.reason,
      deletionDueAt: end.deletionDueAt.toISOString(),
      issuedBy: permit.content.issuedBy,
    },
    key,
    now,
  );
  await appendPermitEvent(tx, {
    permitId: permit.id,
    event: end.event,
    fromStatus: permit.status,
    toStatus: status,
    actor: end.actor,
    at: end.endedAt.toISOString(),
    reason: end.reason,
    details: { deletionDueAt: end.deletionDueAt.toISOString() },
    signed,
  });
  return signed;
}

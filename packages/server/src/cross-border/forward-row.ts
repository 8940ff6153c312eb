import type { Queryable } from '@openehds/db';
import { conflict, notFound } from '@openehds/core';
import type { StoredPeer } from './peers';

/**
 * What the handlers of peers' messages share: the actor a peer's acts are recorded under, and, at the
 * origin hub, the locked row of the copy a peer reports on.
 */

/** The history and audit actor of what a peer hub did here. */
export const hubActor = (peer: StoredPeer): string => `hub:${peer.country}`;

/** At the origin: the copy forwarded to `peer` of the application `originReference`, locked. */
export async function forwardRow(tx: Queryable, peer: StoredPeer, originReference: string) {
  const [row] = await tx.query<{
    application_id: string;
    remote_reference: string | null;
    remote_status: string | null;
    remote_seq: string;
    decision_signed: unknown;
  }>(
    `SELECT f.application_id, f.remote_reference, f.remote_status, f.remote_seq, f.decision_signed
     FROM cross_border_forward f JOIN application a ON a.id = f.application_id
     WHERE a.reference = $1 AND f.peer_country = $2 FOR UPDATE OF f`,
    [originReference, peer.country],
  );
  if (!row) throw notFound(`application forwarded to ${peer.country}`, originReference);
  return row;
}

/** Refuses a report naming another reference than the one the peer gave this copy before. */
export function sameRemote(
  row: { remote_reference: string | null },
  remoteReference: string,
  peer: StoredPeer,
): void {
  if (row.remote_reference && row.remote_reference !== remoteReference) {
    throw conflict(
      `${peer.country} reported this application as ${row.remote_reference} before, not ${remoteReference}`,
    );
  }
}

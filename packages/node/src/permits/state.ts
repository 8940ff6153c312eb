import type { NodeStore } from '@openehds/analytics';
import { isActive, type PermitVersion } from '@openehds/core';
import { findRegisteredPermit, successorOf, type RegisteredPermit } from './registry';

/** Whether work under a permit may run at this node now, and if not, why (in words for the hub). */
export type PermitState =
  | { active: true; permit: RegisteredPermit }
  | { active: false; permit: RegisteredPermit | null; reason: string };

const day = (iso: string) => (iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso);

function toVersion(p: RegisteredPermit): PermitVersion {
  return {
    permitId: p.permitId,
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

/**
 * The state of a permit at this node at `now`, from the node's own registry: active only when the
 * hub delivered it, it is GRANTED, AMENDED or RENEWED, no later version replaced it, and `now` is
 * within its access period (Art. 68(10)(e)). Revoked (Art. 63), expired (Art. 68(12)), superseded
 * (TEHDAS2 D6.4: an amendment or renewal is a new permit id) and unknown permits are refused.
 */
export async function permitState(
  store: NodeStore,
  permitId: string,
  now = new Date(),
): Promise<PermitState> {
  const permit = await findRegisteredPermit(store, permitId);
  if (!permit)
    return {
      active: false,
      permit: null,
      reason: `permit ${permitId} is unknown at this node: the hub has not delivered it (or it does not cover this node's data)`,
    };
  if (permit.status === 'REVOKED')
    return {
      active: false,
      permit,
      reason: `permit ${permitId} was revoked${permit.activeUntil ? ` on ${day(permit.activeUntil)}` : ''} (Art. 63); processing under it has stopped`,
    };
  const expired = {
    active: false as const,
    permit,
    reason: `permit ${permitId} expired on ${day(permit.validUntil)} (Art. 68(12)); a renewal or a new application is needed`,
  };
  if (permit.status === 'EXPIRED') return expired;
  // A live version closed by the hub, or one whose successor arrived first, was superseded.
  const successor = await successorOf(store, permitId);
  if (successor || permit.activeUntil !== null) {
    const by = successor ? ` by permit ${successor.permitId}` : '';
    const on = (successor?.activeFrom ?? permit.activeUntil)!;
    return {
      active: false,
      permit,
      reason: `permit ${permitId} was superseded${by} on ${day(on)}; work runs under the current version of permit ${permit.rootId}`,
    };
  }
  const t = now.getTime();
  if (t >= Date.parse(permit.validUntil)) return expired;
  if (t < Date.parse(permit.validFrom) || t < Date.parse(permit.activeFrom))
    return {
      active: false,
      permit,
      reason: `permit ${permitId} only takes effect on ${day(permit.validFrom > permit.activeFrom ? permit.validFrom : permit.activeFrom)}`,
    };
  if (!isActive(toVersion(permit), now))
    return { active: false, permit, reason: `permit ${permitId} is ${permit.status}, not active` };
  return { active: true, permit };
}

/** May work under `permitId` run at this node at `now`? (See {@link permitState} for the reason when not.) */
export async function isPermitActive(store: NodeStore, permitId: string, now = new Date()): Promise<boolean> {
  return (await permitState(store, permitId, now)).active;
}

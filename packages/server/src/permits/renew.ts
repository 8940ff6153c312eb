import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@openehds/db';
import { conflict, forbidden, planRenewal, renewalDeadline, validateRenewalRequest } from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import type { HubConfig } from '../config';
import { hubKeyPair } from '../federation/hub-key';
import { isApplicant, permitFor } from './access';
import { appendPermitEvent } from './history';
import { lockPermit, nextPermitNumber, type PermitRecord } from './store';
import { writeSuccession } from './succession';
import { toVersion } from './versions';

/** A data user's request for the one renewal of a permit chain (Art. 68(12)). */
export interface RenewalRequest {
  id: string;
  rootId: string;
  permitId: string;
  requestedAt: string;
  requestedUntil: string | null;
  reason: string | null;
  decidedAt: string | null;
  renewedPermitId: string | null;
}

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/** The open (undecided) renewal request of a chain, if any. */
export async function openRenewalRequest(db: Queryable, rootId: string): Promise<RenewalRequest | null> {
  const [r] = await db.query<Record<string, unknown>>(
    'SELECT * FROM permit_renewal_request WHERE root_id = $1 AND decided_at IS NULL',
    [rootId],
  );
  if (!r) return null;
  return {
    id: r.id as string,
    rootId: r.root_id as string,
    permitId: r.permit_id as string,
    requestedAt: iso(r.requested_at)!,
    requestedUntil: iso(r.requested_until),
    reason: (r.reason as string | null) ?? null,
    decidedAt: iso(r.decided_at),
    renewedPermitId: (r.renewed_permit_id as string | null) ?? null,
  };
}

/**
 * The applicant asks for the renewal of the current version: once per chain, at least one month
 * before expiry (Art. 68(12)); the request time is kept, so the HDAB may decide later.
 */
export async function requestRenewal(
  db: Db,
  p: Principal,
  id: string,
  input: { reason?: string; validUntil?: string },
  now = new Date(),
): Promise<RenewalRequest> {
  await permitFor(db, p, id);
  return db.transaction(async (tx) => {
    const current = await lockPermit(tx, id);
    if (!(await isApplicant(tx, p, current)))
      throw forbidden(
        `only the applicant of permit ${current.id} can ask for its renewal; ask them (Art. 68(12))`,
      );
    validateRenewalRequest(toVersion(current), now);
    const open = await openRenewalRequest(tx, current.rootId);
    if (open)
      throw conflict(
        `the renewal of permit chain ${current.rootId} was already requested on ${open.requestedAt}; the HDAB decides on it`,
      );
    const request: RenewalRequest = {
      id: randomUUID(),
      rootId: current.rootId,
      permitId: current.id,
      requestedAt: now.toISOString(),
      requestedUntil: input.validUntil ? new Date(input.validUntil).toISOString() : null,
      reason: input.reason ?? null,
      decidedAt: null,
      renewedPermitId: null,
    };
    await tx.query(
      `INSERT INTO permit_renewal_request (id, root_id, permit_id, requested_by, requested_at, requested_until, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        request.id,
        request.rootId,
        request.permitId,
        p.accountId,
        request.requestedAt,
        request.requestedUntil,
        request.reason,
      ],
    );
    const actor = `account:${p.username}`;
    await appendPermitEvent(tx, {
      permitId: current.id,
      event: 'renewal-request',
      fromStatus: current.status,
      toStatus: current.status,
      actor,
      at: request.requestedAt,
      reason: request.reason,
      details: { renewalDeadline: renewalDeadline(toVersion(current)).toISOString() },
    });
    await appendIn(tx, {
      actor,
      action: 'permit.renewal-request',
      object: `permit:${current.id}`,
      outcome: 'success',
      details: { requestedUntil: request.requestedUntil },
    });
    return request;
  });
}

/**
 * Renews the current version once (Art. 68(12)) on the applicant's timely request: a new permit id
 * with status RENEWED, ending at most 10 years after the current end; the previous version closes now.
 */
export async function renewPermit(
  db: Db,
  p: Principal,
  id: string,
  input: { validUntil: string; reason: string },
  config: HubConfig,
  now = new Date(),
): Promise<PermitRecord> {
  const key = await hubKeyPair(db);
  return db.transaction(async (tx) => {
    const current = await lockPermit(tx, id);
    const request = await openRenewalRequest(tx, current.rootId);
    if (!request)
      throw conflict(
        `nobody asked for the renewal of permit ${current.id}; the data user requests it at least one month before expiry (Art. 68(12))`,
      );
    const newId = await nextPermitNumber(tx, config.hdab.country, now);
    // A request filed before a later amendment counts from that amendment: the core rules check the
    // request against the version current when it was made (limit: an amendment in the last month
    // before expiry makes a pending request late; see README).
    const requestedAt = new Date(Math.max(Date.parse(request.requestedAt), Date.parse(current.activeFrom)));
    const succession = planRenewal(toVersion(current), new Date(input.validUntil), now, {
      permitId: newId,
      requestedAt,
    });
    const renewed = await writeSuccession(tx, {
      current,
      succession,
      changes: {},
      event: 'renew',
      reason: input.reason,
      principal: p,
      key,
      now,
      details: {
        requestedAt: request.requestedAt,
        validUntil: succession.next.validUntil.toISOString(),
      },
    });
    await tx.query(
      'UPDATE permit_renewal_request SET decided_at = $2, renewed_permit_id = $3 WHERE id = $1',
      [request.id, now.toISOString(), renewed.id],
    );
    return renewed;
  });
}

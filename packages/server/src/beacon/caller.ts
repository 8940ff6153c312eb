import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '@openehds/db';
import { AppError, type Audience, type BeaconAccess, type SdcPolicy } from '@openehds/core';
import type { Principal } from '../auth/roles';
import { cookieValue, requireRole, SESSION_COOKIE } from '../auth/guard';
import { myWorkspaces } from '../spe/workspace';

/**
 * Who calls the hub's Beacon network, and so what they may see (issue 5 §3; EHDS.md §16 [OURS]):
 * - no session or token → anonymous: booleans;
 * - a signed-in account → counts, with the HDAB's minimum count and rounding for registered users
 *   (core/sdc/policy.ts audience rules; never below the policy's threshold);
 * - records only for the datasets of ACTIVE permits that name this account as a person (matched by
 *   e-mail or ORCID iD, as the secure processing environment matches them: spe/workspace.ts).
 * The access goes to each node inside the hub-signed `beacon.query` task; each node checks the permit
 * in its own registry again before showing a record.
 */

export interface BeaconCaller {
  /** Key of the query budget: `account:<id>` or `ip:<address>`. */
  key: string;
  /** For the audit trail: `account:<username>` or `anonymous`. */
  actor: string;
  audience: Audience;
  accountId: string | null;
  access: BeaconAccess;
}

/** minCount / roundTo of an audience: the HDAB's rule, never below its threshold. */
export function audienceRule(policy: SdcPolicy, audience: Audience) {
  const rule = policy.audiences[audience];
  return {
    allowed: rule.allowed,
    minCount: Math.max(policy.threshold, rule.minCount),
    roundTo: rule.roundTo,
  };
}

/** The access of a caller from who they are and the datasets their active permits name. */
export function beaconAccess(
  policy: SdcPolicy,
  signedIn: boolean,
  recordDatasets: BeaconAccess['recordDatasets'],
): BeaconAccess {
  if (!signedIn) {
    const rule = audienceRule(policy, 'anonymous');
    return { granularity: 'boolean', recordDatasets: [], minCount: rule.minCount, roundTo: rule.roundTo };
  }
  // Counts of the datasets outside the permits follow the registered audience's rule.
  const rule = audienceRule(policy, 'registered');
  return {
    granularity: rule.allowed ? 'count' : 'boolean',
    recordDatasets,
    minCount: rule.minCount,
    roundTo: rule.roundTo,
  };
}

/** The datasets of active permits naming this account, each with its permit (first permit wins). */
export async function recordDatasetsOf(db: Db, p: Principal): Promise<BeaconAccess['recordDatasets']> {
  const out: BeaconAccess['recordDatasets'] = [];
  for (const permit of await myWorkspaces(db, p))
    for (const d of permit.content.datasets)
      if (!out.some((x) => x.datasetId === d.datasetId))
        out.push({ datasetId: d.datasetId, permitId: permit.id });
  return out;
}

/**
 * Resolves the caller like the feasibility routes do (optional sign-in): a bearer token that does not
 * verify is refused (the caller's mistake to hear about); a stale or cross-site session cookie only
 * means the visitor is not signed in.
 */
export async function resolveCaller(
  db: Db,
  idleMinutes: number,
  policy: SdcPolicy,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<BeaconCaller> {
  const anonymous = (): BeaconCaller => ({
    key: `ip:${request.ip}`,
    actor: 'anonymous',
    audience: 'anonymous',
    accountId: null,
    access: beaconAccess(policy, false, []),
  });
  const bearer = request.headers.authorization?.startsWith('Bearer ') === true;
  const cookie = cookieValue(request, SESSION_COOKIE) !== undefined;
  if (!bearer && !cookie) return anonymous();
  try {
    await requireRole(db, idleMinutes, 'any')(request, reply);
  } catch (err) {
    if (bearer || !(err instanceof AppError)) throw err;
    return anonymous();
  }
  const p = request.principal!;
  const recordDatasets = await recordDatasetsOf(db, p);
  return {
    key: `account:${p.accountId}`,
    actor: `account:${p.username}`,
    audience: recordDatasets.length ? 'permit_holder' : 'registered',
    accountId: p.accountId,
    access: beaconAccess(policy, true, recordDatasets),
  };
}

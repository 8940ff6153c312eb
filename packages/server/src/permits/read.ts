import type { Db } from '@openehds/db';
import { isActive, isCurrentVersion, renewalDeadline, type PermitStatus } from '@openehds/core';
import type { Principal } from '../auth/roles';
import { identityOf, isPermitStaff, permitFor } from './access';
import { chainHistory, type PermitEvent } from './history';
import { openRenewalRequest, type RenewalRequest } from './renew';
import { permitVersions, toPermit, type PermitRecord } from './store';
import { toVersion } from './versions';

/** A permit version in lists: its place in the chain, its dates and whether it governs access now. */
export interface PermitSummary {
  id: string;
  rootId: string;
  previousId: string | null;
  version: number;
  status: PermitStatus;
  applicationId: string;
  applicationReference: string;
  validFrom: string;
  validUntil: string;
  activeFrom: string;
  activeUntil: string | null;
  renewals: number;
  purposes: string[];
  datasets: string[];
  persons: number;
  /** Newest of its chain, unrevoked and unexpired: it can be amended, renewed or revoked. */
  current: boolean;
  /** Current and within its access period: nodes and the SPE accept work under it now. */
  active: boolean;
}

/** The summary of a stored version at `now`. */
export function summarise(p: PermitRecord, now: Date): PermitSummary {
  const v = toVersion(p);
  return {
    id: p.id,
    rootId: p.rootId,
    previousId: p.previousId,
    version: p.version,
    status: p.status,
    applicationId: p.applicationId,
    applicationReference: p.content.applicationReference,
    validFrom: p.validFrom,
    validUntil: p.validUntil,
    activeFrom: p.activeFrom,
    activeUntil: p.activeUntil,
    renewals: p.renewals,
    purposes: p.content.purposes ?? [],
    datasets: (p.content.datasets ?? []).map((d) => d.datasetId),
    persons: (p.content.persons ?? []).length,
    current: isCurrentVersion(v, now),
    active: isActive(v, now),
  };
}

/**
 * Permits a principal may read: HDAB staff all; a data user those of their own applications and those
 * naming them as an authorised person in any version. By default the newest version of each chain;
 * `versions: 'all'` lists every version.
 */
export async function listPermits(
  db: Db,
  p: Principal,
  filter: { status?: PermitStatus; versions?: 'latest' | 'all' } = {},
  now = new Date(),
): Promise<PermitSummary[]> {
  const who = isPermitStaff(p) ? null : await identityOf(db, p);
  const rows = await db.query<Record<string, unknown>>(
    `WITH visible AS (
       SELECT DISTINCT p.root_id FROM permit p JOIN application a ON a.id = p.application_id
       WHERE $1::boolean OR a.applicant_id = $2 OR EXISTS (
         SELECT 1 FROM jsonb_array_elements(p.content->'persons') x
         WHERE lower(x->>'email') = ANY($3::text[]) OR x->>'orcid' = ANY($4::text[])))
     SELECT p.* FROM permit p JOIN visible v ON v.root_id = p.root_id
     WHERE ($5::boolean OR p.version = (SELECT max(q.version) FROM permit q WHERE q.root_id = p.root_id))
       AND ($6::text IS NULL OR p.status = $6)
     ORDER BY p.created_at DESC, p.id`,
    [
      who === null,
      p.role === 'data_user' ? p.accountId : null,
      who?.emails ?? [],
      who?.orcids ?? [],
      filter.versions === 'all',
      filter.status ?? null,
    ],
  );
  return rows.map((r) => summarise(toPermit(r), now));
}

/** One permit version with its signed document, every version of its chain and its history. */
export interface PermitView extends PermitRecord {
  current: boolean;
  active: boolean;
  /** Every version of the chain, oldest first, with the dates each governed access. */
  versions: PermitSummary[];
  /** The version of the chain that is current now, if any. */
  currentVersionId: string | null;
  history: PermitEvent[];
  renewal: { deadline: string; request: RenewalRequest | null };
}

/** A permit version as its reader sees it (404 for those who may not). */
export async function permitView(db: Db, p: Principal, id: string, now = new Date()): Promise<PermitView> {
  const permit = await permitFor(db, p, id);
  const [chain, history, request] = await Promise.all([
    permitVersions(db, permit.rootId),
    chainHistory(db, permit.rootId),
    openRenewalRequest(db, permit.rootId),
  ]);
  const versions = chain.map((v) => summarise(v, now));
  const own = summarise(permit, now);
  return {
    ...permit,
    current: own.current,
    active: own.active,
    versions,
    currentVersionId: versions.find((v) => v.current)?.id ?? null,
    history,
    renewal: { deadline: renewalDeadline(toVersion(permit)).toISOString(), request },
  };
}

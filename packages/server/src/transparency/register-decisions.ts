import type { Queryable } from '@openehds/db';
import { isLiveStatus, type PermitStatus } from '@openehds/core';
import { toPermit, type PermitRecord } from '../permits/store';
import { cursorInstant, toPage, type PagePosition, type RegisterPage } from './paging';
import { datasetIdsOf, datasetTitles, PUBLIC_FILE_COLUMNS, publicFile, type PublicFile } from './public-file';
import { resultsDuty, type ResultsDuty } from './results-due';

/** One version of a permit as the register shows it (amendment and renewal are new versions, D6.4). */
export interface RegisterPermitVersion {
  permitId: string;
  version: number;
  status: PermitStatus;
  validFrom: string;
  validUntil: string;
  activeFrom: string;
  activeUntil: string | null;
  /** Why this version was made or ended (amendment, renewal, Art. 63 revocation); not repeated for the grant. */
  reason: string | null;
}

/**
 * One published decision (Art. 57(1)(j)(iii)): a permit issued, partially granted, refused, or a
 * request answered, with its justification, and for permits every version with its dates and status
 * (REVOKED and EXPIRED included, Art. 57(1)(j)(iv)).
 */
export interface RegisterDecision extends PublicFile {
  outcome: string;
  /** The justification: the reasons of the decision (Art. 68(9)). */
  reasons: string;
  receivedAt: string | null;
  decidedAt: string;
  publishedAt: string;
  permit: {
    id: string;
    /** The current status: a permit past its end date counts as EXPIRED even before the scheduler marks it. */
    status: PermitStatus;
    validFrom: string;
    validUntil: string;
    versions: RegisterPermitVersion[];
  } | null;
  results: { reported: number; duty: ResultsDuty | null };
  /** Art. 61(4): 18 months after the end of processing (or the answer) without any reported result. */
  resultsOverdue: boolean;
}

const iso = (v: unknown) => new Date(v as string).toISOString();

function currentStatus(latest: PermitRecord, now: Date): PermitStatus {
  if (isLiveStatus(latest.status) && Date.parse(latest.validUntil) <= now.getTime()) return 'EXPIRED';
  return latest.status;
}

/** Published decisions, newest decision first, with their permits and the results duty as of `now`. */
export async function registerDecisions(
  db: Queryable,
  at: PagePosition,
  now = new Date(),
): Promise<RegisterPage<RegisterDecision>> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${PUBLIC_FILE_COLUMNS}, a.outcome, a.submitted_at, a.decided_at, a.published_at,
       d.signed->'document'->>'reasons' AS decision_reasons,
       (SELECT e.reason FROM application_event e WHERE e.application_id = a.id AND e.to_status = 'DECISION_ISSUED'
        ORDER BY e.seq DESC LIMIT 1) AS event_reason,
       ${cursorInstant('a.decided_at')} AS at_key
     FROM application a
       LEFT JOIN organisation o ON o.id = a.organisation_id
       LEFT JOIN decision d ON d.application_id = a.id
     WHERE a.decided_at IS NOT NULL AND a.published_at IS NOT NULL
       AND ($1::timestamptz IS NULL OR a.decided_at >= $1)
       AND ($2::text IS NULL OR a.reference = $2)
       AND ($3::timestamptz IS NULL OR (a.decided_at, a.id) < ($3, $4::uuid))
     ORDER BY a.decided_at DESC, a.id DESC
     LIMIT $5 OFFSET $6`,
    [at.since, at.reference, at.after?.at ?? null, at.after?.id ?? null, at.fetch, at.offset],
  );
  const ids = rows.map((r) => r.id as string);
  const [permitRows, resultRows] = ids.length
    ? await Promise.all([
        db.query<Record<string, unknown>>(
          'SELECT * FROM permit WHERE application_id = ANY($1::uuid[]) ORDER BY version',
          [ids],
        ),
        db.query<{ application_id: string; n: string }>(
          'SELECT application_id, count(*) AS n FROM permit_result WHERE application_id = ANY($1::uuid[]) GROUP BY 1',
          [ids],
        ),
      ])
    : [[], []];
  const permits = new Map<string, PermitRecord[]>();
  for (const p of permitRows.map(toPermit))
    permits.set(p.applicationId, [...(permits.get(p.applicationId) ?? []), p]);
  const reported = new Map(resultRows.map((r) => [r.application_id, Number(r.n)]));
  const titles = await datasetTitles(db, [
    ...rows.flatMap(datasetIdsOf),
    ...permitRows.flatMap((p) =>
      ((p.content as PermitRecord['content']).datasets ?? []).map((d) => d.datasetId),
    ),
  ]);

  return toPage(
    rows,
    at,
    (r) => ({ at: r.at_key as string, id: r.id as string }),
    (r) => {
      const versions = permits.get(r.id as string) ?? [];
      const latest = versions.at(-1);
      const outcome = r.outcome as string;
      const count = reported.get(r.id as string) ?? 0;
      const duty = resultsDuty(
        {
          latestPermit: latest ?? null,
          answeredAt: !latest && outcome === 'ANSWERED_AS_REQUEST' ? iso(r.decided_at) : null,
          resultsReported: count,
        },
        now,
      );
      return {
        // A partial grant shows the datasets granted, not all those asked for.
        ...publicFile(r, titles, latest?.content.datasets),
        outcome,
        reasons: (r.decision_reasons as string | null) ?? (r.event_reason as string | null) ?? '',
        receivedAt: r.submitted_at ? iso(r.submitted_at) : null,
        decidedAt: iso(r.decided_at),
        publishedAt: iso(r.published_at),
        permit: latest
          ? {
              id: latest.id,
              status: currentStatus(latest, now),
              validFrom: latest.validFrom,
              validUntil: latest.validUntil,
              versions: versions.map((v) => ({
                permitId: v.id,
                version: v.version,
                status: v.status,
                validFrom: v.validFrom,
                validUntil: v.validUntil,
                activeFrom: v.activeFrom,
                activeUntil: v.activeUntil,
                reason: v.version > 1 || v.status === 'REVOKED' ? v.reason : null,
              })),
            }
          : null,
        results: { reported: count, duty },
        resultsOverdue: duty?.overdue ?? false,
      };
    },
  );
}

import type { Queryable } from '@openehds/db';
import {
  notFound,
  type ApplicationContent,
  type ApplicationKind,
  type ApplicationStatus,
  type Outcome,
} from '@openehds/core';

/** An application or request as stored, without its history. */
export interface ApplicationRecord {
  id: string;
  reference: string;
  kind: ApplicationKind;
  status: ApplicationStatus;
  resumeStatus: ApplicationStatus | null;
  outcome: Outcome | null;
  applicantId: string;
  applicant: { username: string; displayName: string };
  organisation: { id: string; name: string; kind: string; country: string } | null;
  content: ApplicationContent;
  version: number;
  accelerated: boolean;
  extension: { at: string; reason: string } | null;
  acceptsAnonymisedAnswer: boolean;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  publishedAt: string | null;
}

/** One status event of the history. */
export interface ApplicationEventRecord {
  seq: number;
  event: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  actor: string;
  at: string;
  reason: string | null;
  details: Record<string, unknown>;
}

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

const SELECT = `
  SELECT a.*, ac.username, ac.display_name, o.name AS org_name, o.kind AS org_kind, o.country AS org_country
  FROM application a
  JOIN account ac ON ac.id = a.applicant_id
  LEFT JOIN organisation o ON o.id = a.organisation_id`;

function toRecord(r: Record<string, unknown>): ApplicationRecord {
  return {
    id: r.id as string,
    reference: r.reference as string,
    kind: r.kind as ApplicationKind,
    status: r.status as ApplicationStatus,
    resumeStatus: (r.resume_status as ApplicationStatus | null) ?? null,
    outcome: (r.outcome as Outcome | null) ?? null,
    applicantId: r.applicant_id as string,
    applicant: { username: r.username as string, displayName: r.display_name as string },
    organisation: r.organisation_id
      ? {
          id: r.organisation_id as string,
          name: r.org_name as string,
          kind: r.org_kind as string,
          country: r.org_country as string,
        }
      : null,
    content: (r.content as ApplicationContent) ?? {},
    version: Number(r.version),
    accelerated: Boolean(r.accelerated),
    extension: r.extended_at ? { at: iso(r.extended_at)!, reason: r.extension_reason as string } : null,
    acceptsAnonymisedAnswer: Boolean(r.accepts_anonymised_answer),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    submittedAt: iso(r.submitted_at),
    decidedAt: iso(r.decided_at),
    publishedAt: iso(r.published_at),
  };
}

/** Loads one application; `forUpdate` locks its row for the rest of the transaction. */
export async function loadApplication(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<ApplicationRecord> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('application', id);
  if (forUpdate) await db.query('SELECT 1 FROM application WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await db.query<Record<string, unknown>>(`${SELECT} WHERE a.id = $1`, [id]);
  if (!row) throw notFound('application', id);
  return toRecord(row);
}

/** Lists applications, newest first; `applicantId` limits to one applicant's files. */
export async function listApplications(
  db: Queryable,
  filter: { applicantId?: string; excludeDrafts?: boolean; status?: string },
): Promise<ApplicationRecord[]> {
  const rows = await db.query<Record<string, unknown>>(
    `${SELECT}
     WHERE ($1::uuid IS NULL OR a.applicant_id = $1)
       AND (NOT $2::boolean OR a.status <> 'DRAFT')
       AND ($3::text IS NULL OR a.status = $3)
     ORDER BY a.created_at DESC LIMIT 500`,
    [filter.applicantId ?? null, filter.excludeDrafts ?? false, filter.status ?? null],
  );
  return rows.map(toRecord);
}

/** The status history, oldest first. */
export async function applicationHistory(db: Queryable, id: string): Promise<ApplicationEventRecord[]> {
  const rows = await db.query<Record<string, unknown>>(
    'SELECT * FROM application_event WHERE application_id = $1 ORDER BY seq',
    [id],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    event: r.event as string,
    fromStatus: (r.from_status as ApplicationStatus | null) ?? null,
    toStatus: r.to_status as ApplicationStatus,
    actor: r.actor as string,
    at: iso(r.at)!,
    reason: (r.reason as string | null) ?? null,
    details: (r.details as Record<string, unknown>) ?? {},
  }));
}

/** Appends a history event (in the caller's transaction). */
export async function appendEvent(
  tx: Queryable,
  e: {
    applicationId: string;
    event: string;
    from: ApplicationStatus | null;
    to: ApplicationStatus;
    actorId: string | null;
    actor: string;
    reason?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO application_event (application_id, event, from_status, to_status, actor_id, actor, reason, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    [
      e.applicationId,
      e.event,
      e.from,
      e.to,
      e.actorId,
      e.actor,
      e.reason ?? null,
      JSON.stringify(e.details ?? {}),
    ],
  );
}

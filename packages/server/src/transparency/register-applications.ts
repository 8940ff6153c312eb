import type { Queryable } from '@openehds/db';
import { cursorInstant, toPage, type PagePosition, type RegisterPage } from './paging';
import { datasetIdsOf, datasetTitles, PUBLIC_FILE_COLUMNS, publicFile, type PublicFile } from './public-file';

/** One entry of the register of applications and requests received (Art. 57(1)(j)(ii)). */
export interface RegisterApplication extends PublicFile {
  receivedAt: string;
  status: string;
  /** The outcome once the decision is published (Art. 57(1)(j)(iii)); null before. */
  outcome: string | null;
  decidedAt: string | null;
  publishedAt: string | null;
}

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

/**
 * Every application and request from its submission on (drafts are the applicant's own), newest
 * first. A decision's outcome shows once it is published; before that the status alone says that a
 * decision was issued.
 */
export async function registerApplications(
  db: Queryable,
  at: PagePosition,
): Promise<RegisterPage<RegisterApplication>> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${PUBLIC_FILE_COLUMNS}, a.status, a.outcome, a.submitted_at, a.decided_at, a.published_at,
       ${cursorInstant('a.submitted_at')} AS at_key
     FROM application a LEFT JOIN organisation o ON o.id = a.organisation_id
     WHERE a.submitted_at IS NOT NULL
       AND ($1::timestamptz IS NULL OR a.submitted_at >= $1)
       AND ($2::text IS NULL OR a.reference = $2)
       AND ($3::timestamptz IS NULL OR (a.submitted_at, a.id) < ($3, $4::uuid))
     ORDER BY a.submitted_at DESC, a.id DESC
     LIMIT $5 OFFSET $6`,
    [at.since, at.reference, at.after?.at ?? null, at.after?.id ?? null, at.fetch, at.offset],
  );
  const titles = await datasetTitles(db, rows.flatMap(datasetIdsOf));
  return toPage(
    rows,
    at,
    (r) => ({ at: r.at_key as string, id: r.id as string }),
    (r) => {
      const published = Boolean(r.published_at);
      return {
        ...publicFile(r, titles),
        receivedAt: iso(r.submitted_at)!,
        status: r.status as string,
        outcome: published ? ((r.outcome as string | null) ?? null) : null,
        decidedAt: published ? iso(r.decided_at) : null,
        publishedAt: iso(r.published_at),
      };
    },
  );
}

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db, Queryable } from '@openehds/db';
import { conflict, notFound } from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import { applicationFor } from '../applications/service';
import { loadPermit } from '../permits/store';
import { cursorInstant, toPage, type PagePosition, type RegisterPage } from './paging';

/**
 * Results of secondary use (Art. 61(4)): within 18 months of the end of processing (or of the answer
 * to a request) the data user makes them public and tells the HDAB, which publishes them in the
 * register (Art. 57(1)(j)(v)) and counts publications and AI products in its report (Art. 59(1)(j), (k)).
 */

export const RESULT_KINDS = ['publication', 'dataset', 'software', 'ai_model', 'product', 'other'] as const;

/** What a data user reports: the kind, a title, a DOI or a URL (at least one), the AI/product flag. */
export const ResultInput = z
  .object({
    kind: z.enum(RESULT_KINDS),
    title: z.string().trim().min(1).max(500),
    doi: z
      .string()
      .trim()
      .regex(/^10\.\d{4,9}\/\S+$/, 'a DOI looks like 10.1234/abcd (without https://doi.org/)')
      .optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    /** A product or AI system built with the data (Art. 59(1)(k)); defaults to true for an AI model. */
    isAiProduct: z.boolean().optional(),
  })
  .strict()
  .refine((r) => r.doi !== undefined || r.url !== undefined, {
    message: 'give a DOI or a URL where the result is public',
    path: ['doi'],
  });
export type ResultInput = z.infer<typeof ResultInput>;

/** One reported result as the register lists it. */
export interface RegisterResult {
  id: string;
  kind: (typeof RESULT_KINDS)[number];
  title: string;
  doi: string | null;
  url: string | null;
  /** Where to read it: the DOI resolver, else the URL. */
  link: string;
  isAiProduct: boolean;
  reportedAt: string;
  application: { reference: string; kind: string };
  permitId: string | null;
  /** The organisation that reported it (never the person). */
  organisation: string | null;
}

const iso = (v: unknown) => new Date(v as string).toISOString();

async function insertResult(
  tx: Queryable,
  p: Principal,
  target: { applicationId: string; permitId: string | null; object: string },
  input: ResultInput,
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO permit_result (id, application_id, permit_id, kind, title, doi, url, is_ai_product, reported_by, reported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      target.applicationId,
      target.permitId,
      input.kind,
      input.title,
      input.doi ?? null,
      input.url ?? null,
      input.isAiProduct ?? input.kind === 'ai_model',
      p.accountId,
      new Date().toISOString(),
    ],
  );
  await appendIn(tx, {
    actor: `account:${p.username}`,
    action: 'result.report',
    object: target.object,
    outcome: 'success',
    details: { result: id, kind: input.kind },
  });
  return id;
}

/** The applicant of the file a permit (any version) belongs to reports a result of it. */
export async function reportPermitResult(
  db: Db,
  p: Principal,
  permitId: string,
  input: ResultInput,
): Promise<RegisterResult> {
  const id = await db.transaction(async (tx) => {
    const permit = await loadPermit(tx, permitId);
    const [owner] = await tx.query<{ applicant_id: string }>(
      'SELECT applicant_id FROM application WHERE id = $1',
      [permit.applicationId],
    );
    // Someone else's permit is not revealed: the same 404 as an unknown one.
    if (owner?.applicant_id !== p.accountId) throw notFound('permit', permitId);
    return insertResult(
      tx,
      p,
      { applicationId: permit.applicationId, permitId, object: `permit:${permitId}` },
      input,
    );
  });
  return (await resultById(db, id))!;
}

/** The applicant reports a result of a health data request that was answered (no permit exists). */
export async function reportAnswerResult(
  db: Db,
  p: Principal,
  applicationId: string,
  input: ResultInput,
): Promise<RegisterResult> {
  const id = await db.transaction(async (tx) => {
    const app = await applicationFor(tx, p, applicationId, true);
    if (app.applicantId !== p.accountId) throw notFound('application', applicationId);
    if (app.outcome !== 'ANSWERED_AS_REQUEST') {
      throw conflict(
        app.outcome === 'GRANTED' || app.outcome === 'PARTIALLY_GRANTED'
          ? `report results of ${app.reference} against its permit: POST /api/permits/{permitId}/results`
          : `${app.reference} was not answered, so it has no results to report`,
      );
    }
    return insertResult(
      tx,
      p,
      { applicationId, permitId: null, object: `application:${applicationId}` },
      input,
    );
  });
  return (await resultById(db, id))!;
}

const SELECT = `
  SELECT r.*, a.reference, a.kind AS application_kind, o.name AS org_name, ${cursorInstant('r.reported_at')} AS at_key
  FROM permit_result r
    JOIN application a ON a.id = r.application_id
    LEFT JOIN organisation o ON o.id = a.organisation_id`;

function toResult(r: Record<string, unknown>): RegisterResult {
  const doi = (r.doi as string | null) ?? null;
  const url = (r.url as string | null) ?? null;
  return {
    id: r.id as string,
    kind: r.kind as RegisterResult['kind'],
    title: r.title as string,
    doi,
    url,
    link: doi ? `https://doi.org/${doi}` : url!,
    isAiProduct: Boolean(r.is_ai_product),
    reportedAt: iso(r.reported_at),
    application: { reference: r.reference as string, kind: r.application_kind as string },
    permitId: (r.permit_id as string | null) ?? null,
    organisation: (r.org_name as string | null) ?? null,
  };
}

async function resultById(db: Queryable, id: string): Promise<RegisterResult | null> {
  const [row] = await db.query<Record<string, unknown>>(`${SELECT} WHERE r.id = $1`, [id]);
  return row ? toResult(row) : null;
}

/** The register of reported results, newest first (Art. 57(1)(j)(v)). */
export async function registerResults(
  db: Queryable,
  at: PagePosition,
): Promise<RegisterPage<RegisterResult>> {
  const rows = await db.query<Record<string, unknown>>(
    `${SELECT}
     WHERE ($1::timestamptz IS NULL OR r.reported_at >= $1)
       AND ($2::text IS NULL OR a.reference = $2)
       AND ($3::timestamptz IS NULL OR (r.reported_at, r.id) < ($3, $4::uuid))
     ORDER BY r.reported_at DESC, r.id DESC
     LIMIT $5 OFFSET $6`,
    [at.since, at.reference, at.after?.at ?? null, at.after?.id ?? null, at.fetch, at.offset],
  );
  return toPage(rows, at, (r) => ({ at: r.at_key as string, id: r.id as string }), toResult);
}

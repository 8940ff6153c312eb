import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@openehds/db';
import { forbidden, invalid } from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';

/**
 * The register of AI products built with EHDS data (Art. 59(1)(k)): name, organisation, the permit
 * (optional: a product may draw on several permits or on an anonymised answer), date and regulatory
 * status. Data users report their own; HDAB staff record any (e.g. from a publication or a notified
 * body's certificate).
 */

/** Where a product stands under the AI Act (EU 2024/1689) and, for medical device software, MDR/IVDR. */
export const REGULATORY_STATUSES = [
  'research_use',
  'in_development',
  'conformity_assessment',
  'ce_marked',
  'on_market',
  'withdrawn',
] as const;

/** A regulatory status. */
export type RegulatoryStatus = (typeof REGULATORY_STATUSES)[number];

/** An AI product as listed. */
export interface AiProduct {
  id: string;
  name: string;
  organisation: string;
  permitId: string | null;
  resultId: string | null;
  reportedOn: string;
  regulatoryStatus: RegulatoryStatus;
  reportedBy: string | null;
}

/** What a report gives. */
export interface AiProductInput {
  name: string;
  organisation: string;
  permitId?: string | null;
  resultId?: string | null;
  reportedOn: string;
  regulatoryStatus: RegulatoryStatus;
}

const STAFF = new Set(['hdab_staff', 'admin']);

/** Every reported AI product, newest first. */
export async function listAiProducts(db: Queryable): Promise<AiProduct[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT p.id, p.name, p.organisation, p.permit_id, p.result_id, to_char(p.reported_on, 'YYYY-MM-DD') AS reported_on,
       p.regulatory_status, a.username
     FROM ai_product p LEFT JOIN account a ON a.id = p.reported_by
     ORDER BY p.reported_on DESC, p.created_at DESC`,
  );
  return rows.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    organisation: r.organisation as string,
    permitId: (r.permit_id as string | null) ?? null,
    resultId: (r.result_id as string | null) ?? null,
    reportedOn: r.reported_on as string,
    regulatoryStatus: r.regulatory_status as RegulatoryStatus,
    reportedBy: (r.username as string | null) ?? null,
  }));
}

/** Checks the permit and result a report names, and that a data user reports only for their own files. */
async function checkLinks(tx: Queryable, p: Principal, input: AiProductInput): Promise<void> {
  const issues: { path: string; message: string }[] = [];
  if (input.permitId) {
    const [permit] = await tx.query<{ applicant_id: string }>(
      'SELECT a.applicant_id FROM permit p JOIN application a ON a.id = p.application_id WHERE p.id = $1',
      [input.permitId],
    );
    if (!permit) issues.push({ path: 'permitId', message: `no permit ${input.permitId}` });
    else if (!STAFF.has(p.role) && permit.applicant_id !== p.accountId)
      throw forbidden(
        `permit ${input.permitId} was not issued on your application; report products of your own permits`,
      );
  }
  if (input.resultId) {
    const [result] = await tx.query<{ applicant_id: string; is_ai_product: boolean }>(
      `SELECT a.applicant_id, r.is_ai_product FROM permit_result r JOIN application a ON a.id = r.application_id
       WHERE r.id = $1`,
      [input.resultId],
    );
    if (!result) issues.push({ path: 'resultId', message: `no reported result ${input.resultId}` });
    else if (!result.is_ai_product)
      issues.push({ path: 'resultId', message: 'that result is not flagged as an AI product' });
    else if (!STAFF.has(p.role) && result.applicant_id !== p.accountId)
      throw forbidden('that result belongs to another applicant’s file');
  }
  if (issues.length)
    throw invalid(`the AI product has ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
}

/** Records an AI product, audited. */
export async function reportAiProduct(db: Db, p: Principal, input: AiProductInput): Promise<AiProduct> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await checkLinks(tx, p, input);
    await tx.query(
      `INSERT INTO ai_product (id, name, organisation, organisation_id, permit_id, result_id, reported_on,
         regulatory_status, reported_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        input.name,
        input.organisation,
        STAFF.has(p.role) ? null : p.organisationId,
        input.permitId ?? null,
        input.resultId ?? null,
        input.reportedOn,
        input.regulatoryStatus,
        p.accountId,
      ],
    );
    await appendIn(tx, {
      actor: `account:${p.username}`,
      action: 'kpi.ai-product',
      object: `ai-product:${id}`,
      outcome: 'success',
      details: { name: input.name, permit: input.permitId ?? null, status: input.regulatoryStatus },
    });
  });
  const [created] = (await listAiProducts(db)).filter((x) => x.id === id);
  return created!;
}

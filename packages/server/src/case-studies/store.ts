import type { Queryable } from '@openehds/db';
import { notFound } from '@openehds/core';
import type { CaseStudyKpis } from './kpis';
import type { CaseStudyStatus } from './lifecycle';
import type { CaseStudyContent, PrefillFacts, ReleasedOutput, UsedDataset } from './template';

/** Reading and writing case studies and their history (migration 0025). */

/** A case study as stored, with its author's and reviewer's names. */
export interface CaseStudyRecord extends CaseStudyContent, PrefillFacts {
  id: string;
  reference: string;
  status: CaseStudyStatus;
  authorId: string;
  author: string;
  authorName: string;
  reviewer: string | null;
  returnReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
}

/** One move in a case study's history. */
export interface CaseStudyEvent {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  reason: string | null;
  at: string;
}

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/** The columns of a case study with its people's names (the search vector stays in the store). */
export const CASE_STUDY_SELECT = `SELECT c.id, c.reference, c.status, c.author_id, a.username AS author,
  a.display_name AS author_name, rv.username AS reviewer, c.title, c.problem, c.datasets, c.permits,
  c.method, c.validation, c.results, c.pathway, c.pathway_report_id, c.lessons, c.tags, c.countries,
  c.use_case_id, c.source_permit_id, c.outputs, c.kpis, c.return_reason, c.version, c.created_at,
  c.updated_at, c.submitted_at, c.published_at
  FROM case_study c JOIN account a ON a.id = c.author_id LEFT JOIN account rv ON rv.id = c.reviewer_id`;

/** A stored row as a record. */
export function toCaseStudy(r: Record<string, unknown>): CaseStudyRecord {
  return {
    id: r.id as string,
    reference: r.reference as string,
    status: r.status as CaseStudyStatus,
    authorId: r.author_id as string,
    author: r.author as string,
    authorName: (r.author_name as string | null) ?? (r.author as string),
    reviewer: (r.reviewer as string | null) ?? null,
    title: r.title as string,
    problem: r.problem as string,
    datasets: (r.datasets as UsedDataset[]) ?? [],
    permits: (r.permits as string[]) ?? [],
    method: r.method as string,
    validation: r.validation as string,
    results: r.results as string,
    pathway: r.pathway as string,
    pathwayReportId: (r.pathway_report_id as string | null) ?? null,
    lessons: r.lessons as string,
    tags: (r.tags as string[]) ?? [],
    countries: (r.countries as string[]) ?? [],
    useCaseId: (r.use_case_id as string | null) ?? null,
    sourcePermitId: (r.source_permit_id as string | null) ?? null,
    outputs: (r.outputs as ReleasedOutput[]) ?? [],
    kpis: (r.kpis as CaseStudyKpis | null) ?? null,
    returnReason: (r.return_reason as string | null) ?? null,
    version: Number(r.version),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    submittedAt: iso(r.submitted_at),
    publishedAt: iso(r.published_at),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One case study; `lock` takes a row lock for a change. A malformed id is simply not found. */
export async function loadCaseStudy(db: Queryable, id: string, lock = false): Promise<CaseStudyRecord> {
  if (!UUID.test(id)) throw notFound('case study', id);
  const [row] = await db.query<Record<string, unknown>>(
    `${CASE_STUDY_SELECT} WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`,
    [id],
  );
  if (!row) throw notFound('case study', id);
  return toCaseStudy(row);
}

/** Case studies by author and/or status, most recently changed first. */
export async function listCaseStudies(
  db: Queryable,
  filter: { authorId?: string; status?: CaseStudyStatus },
): Promise<CaseStudyRecord[]> {
  const rows = await db.query<Record<string, unknown>>(
    `${CASE_STUDY_SELECT}
     WHERE ($1::uuid IS NULL OR c.author_id = $1) AND ($2::text IS NULL OR c.status = $2)
     ORDER BY c.updated_at DESC, c.reference DESC LIMIT 500`,
    [filter.authorId ?? null, filter.status ?? null],
  );
  return rows.map(toCaseStudy);
}

/** The template's columns, in the order of {@link contentParams}, from $2 on. */
const CONTENT_COLUMNS = [
  'title',
  'problem',
  'datasets',
  'permits',
  'method',
  'validation',
  'results',
  'pathway',
  'pathway_report_id',
  'lessons',
  'tags',
  'countries',
  'use_case_id',
] as const;

function contentParams(c: CaseStudyContent): unknown[] {
  return [
    c.title,
    c.problem,
    JSON.stringify(c.datasets),
    c.permits,
    c.method,
    c.validation,
    c.results,
    c.pathway,
    c.pathwayReportId,
    c.lessons,
    c.tags,
    c.countries,
    c.useCaseId,
  ];
}

/** Inserts a new draft (in the caller's transaction); returns its reference. */
export async function insertCaseStudy(
  tx: Queryable,
  input: { id: string; authorId: string; content: CaseStudyContent; facts: PrefillFacts; at?: Date },
): Promise<string> {
  const at = input.at ?? new Date();
  const [{ n } = { n: '0' }] = await tx.query<{ n: string }>(
    `SELECT nextval('case_study_reference_seq') AS n`,
  );
  const reference = `CS-${at.getUTCFullYear()}-${String(n).padStart(6, '0')}`;
  const params = contentParams(input.content);
  const base = CONTENT_COLUMNS.length + 2;
  await tx.query(
    `INSERT INTO case_study (id, ${CONTENT_COLUMNS.join(', ')}, reference, author_id, status,
       source_permit_id, outputs, kpis, created_at, updated_at)
     VALUES ($1, ${CONTENT_COLUMNS.map((col, i) => `$${i + 2}${col === 'datasets' ? '::jsonb' : ''}`).join(', ')},
       $${base}, $${base + 1}, 'DRAFT', $${base + 2}, $${base + 3}::jsonb, $${base + 4}::jsonb, $${base + 5}, $${base + 5})`,
    [
      input.id,
      ...params,
      reference,
      input.authorId,
      input.facts.sourcePermitId,
      JSON.stringify(input.facts.outputs),
      input.facts.kpis ? JSON.stringify(input.facts.kpis) : null,
      at.toISOString(),
    ],
  );
  return reference;
}

/** Replaces a draft's text and bumps its version (in the caller's transaction). */
export async function updateContent(tx: Queryable, id: string, content: CaseStudyContent): Promise<void> {
  await tx.query(
    `UPDATE case_study SET ${CONTENT_COLUMNS.map((col, i) => `${col} = $${i + 2}${col === 'datasets' ? '::jsonb' : ''}`).join(', ')},
       version = version + 1, updated_at = now() WHERE id = $1`,
    [id, ...contentParams(content)],
  );
}

/** Appends one move to a case study's history (in the caller's transaction). */
export async function appendCaseStudyEvent(
  tx: Queryable,
  e: {
    caseStudyId: string;
    action: string;
    from: string | null;
    to: string;
    actor: string;
    reason: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO case_study_event (case_study_id, action, from_status, to_status, actor, reason)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [e.caseStudyId, e.action, e.from, e.to, e.actor, e.reason],
  );
}

/** A case study's history, oldest first. */
export async function historyOf(db: Queryable, id: string): Promise<CaseStudyEvent[]> {
  const rows = await db.query<Record<string, unknown>>(
    'SELECT action, from_status, to_status, actor, reason, at FROM case_study_event WHERE case_study_id = $1 ORDER BY seq',
    [id],
  );
  return rows.map((r) => ({
    action: r.action as string,
    fromStatus: (r.from_status as string | null) ?? null,
    toStatus: r.to_status as string,
    actor: r.actor as string,
    reason: (r.reason as string | null) ?? null,
    at: iso(r.at)!,
  }));
}

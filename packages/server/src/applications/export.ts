import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db, Queryable } from '@openehds/db';
import type { ApplicationContent } from '@openehds/core';
import { requireRole } from '../auth/guard';
import type { Principal } from '../auth/roles';
import { validate } from '../http/validate';
import { renderPdf, type PdfBlock } from '../pdf/renderer';
import { OUTCOME_LABELS, purposeLabel } from '../transparency/labels';
import { decisionOf, type StoredDecision } from './decision';
import { applicationFor } from './service';
import { applicationHistory, type ApplicationEventRecord, type ApplicationRecord } from './store';

/**
 * A case file as the applicant or the HDAB can take it away: JSON (the content, status and history,
 * for other systems) or a PDF organised by the letters of Art. 67(2) for an application or Art. 69(2)
 * for a health data request, with its status history. Same visibility as the file itself.
 */

/** The JSON export of a file. */
export interface ApplicationExport {
  format: 'openehds.application-export/v1';
  reference: string;
  kind: ApplicationRecord['kind'];
  status: ApplicationRecord['status'];
  outcome: ApplicationRecord['outcome'];
  title: string;
  applicant: { name: string; organisation: string | null };
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  publishedAt: string | null;
  content: ApplicationContent;
  history: Omit<ApplicationEventRecord, 'seq' | 'details'>[];
  decision: { outcome: string; decidedAt: string; permitId: string | null } | null;
  exportedAt: string;
}

/** Builds the JSON export. Pure. */
export function exportJson(
  a: ApplicationRecord,
  history: ApplicationEventRecord[],
  decision: StoredDecision | null,
  now: Date,
): ApplicationExport {
  return {
    format: 'openehds.application-export/v1',
    reference: a.reference,
    kind: a.kind,
    status: a.status,
    outcome: a.outcome,
    title: a.content.title ?? '',
    applicant: { name: a.applicant.displayName, organisation: a.organisation?.name ?? null },
    createdAt: a.createdAt,
    submittedAt: a.submittedAt,
    decidedAt: a.decidedAt,
    publishedAt: a.publishedAt,
    content: a.content,
    history: history.map(({ event, fromStatus, toStatus, actor, at, reason }) => ({
      event,
      fromStatus,
      toStatus,
      actor,
      at,
      reason,
    })),
    decision: decision
      ? { outcome: decision.outcome, decidedAt: decision.decidedAt, permitId: decision.permitId }
      : null,
    exportedAt: now.toISOString(),
  };
}

const NOT_GIVEN = 'Not given';
const text = (v: string | undefined | null) => (v && v.trim() ? v : NOT_GIVEN);
const list = (v: readonly string[] | undefined) => (v && v.length ? v.join(', ') : NOT_GIVEN);
const yesNo = (v: boolean | undefined) => (v === undefined ? NOT_GIVEN : v ? 'Yes' : 'No');
const day = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 16) + ' UTC' : NOT_GIVEN);

type Section = { article: string; title: string; blocks: PdfBlock[] };

const kv = (rows: [string, string][]): PdfBlock => ({ kind: 'keyValue', rows });

function applicantSection(a: ApplicationRecord, c: ApplicationContent, article: string): Section {
  const persons = c.persons ?? [];
  return {
    article,
    title:
      a.kind === 'application'
        ? 'Applicant, activities and the persons who will access the data'
        : 'Identity of the applicant',
    blocks: [
      kv([
        ['Organisation', a.organisation ? `${a.organisation.name} (${a.organisation.country})` : NOT_GIVEN],
        ['Submitted by', a.applicant.displayName],
        ['Activities', text(c.applicantActivities)],
      ]),
      persons.length
        ? {
            kind: 'table',
            caption: 'Persons who will access the data',
            columns: ['Name', 'Role', 'Affiliation', 'E-mail', 'ORCID'],
            widths: [3, 2.5, 3, 3.5, 2.5],
            rows: persons.map((p) => [
              p.name,
              p.role.replace(/_/g, ' '),
              p.affiliation ?? '',
              p.email,
              p.orcid ?? '',
            ]),
          }
        : { kind: 'paragraph', text: 'Persons who will access the data: none named.' },
    ],
  };
}

function dataBlocks(c: ApplicationContent): PdfBlock[] {
  const datasets = c.datasets ?? [];
  return [
    datasets.length
      ? {
          kind: 'table',
          caption: 'Datasets and their sources',
          columns: ['Dataset', 'Country', 'Data holder', 'Variables'],
          widths: [3, 1.2, 2.5, 4],
          rows: datasets.map((d) => [
            d.title ? `${d.title} (${d.datasetId})` : d.datasetId,
            d.country,
            d.holder ?? '',
            (d.variables ?? []).join(', '),
          ]),
        }
      : { kind: 'paragraph', text: 'Datasets: none named.' },
    kv([
      ['Variables', list(c.variables)],
      [
        'Time range',
        c.period?.from || c.period?.to ? `${c.period?.from ?? '…'} to ${c.period?.to ?? '…'}` : NOT_GIVEN,
      ],
      ['Geography', list(c.geography)],
      ['Format', text(c.format)],
    ]),
  ];
}

const purposeBlock = (c: ApplicationContent): PdfBlock =>
  kv([
    ['Purposes', c.purposes?.length ? c.purposes.map(purposeLabel).join('\n') : NOT_GIVEN],
    ['Commercial use', yesNo(c.commercial)],
    ['Diseases studied', list(c.diseaseCodes)],
  ]);

const legalBasisBlock = (c: ApplicationContent): PdfBlock =>
  kv([
    ['GDPR Art. 6(1) basis', c.legalBasis?.article ? `Art. ${c.legalBasis.article} GDPR` : NOT_GIVEN],
    ['Explanation', text(c.legalBasis?.explanation)],
  ]);

const optOutBlock = (c: ApplicationContent): PdfBlock =>
  kv([
    ['Exception requested', yesNo(c.optOutException?.requested)],
    ['Justification', text(c.optOutException?.justification)],
  ]);

/** Art. 67(2)(a)–(k), with 67(4), 67(5) and the Art. 54 declarations. */
function applicationSections(a: ApplicationRecord, c: ApplicationContent): Section[] {
  return [
    applicantSection(a, c, 'Art. 67(2)(a)'),
    { article: 'Art. 67(2)(b)', title: 'Purposes (Art. 53(1))', blocks: [purposeBlock(c)] },
    {
      article: 'Art. 67(2)(c)',
      title: 'Intended use and expected benefit',
      blocks: [kv([['Use and benefit', text(c.useAndBenefit)]])],
    },
    {
      article: 'Art. 67(2)(d)',
      title: 'Data: scope, time range, format, sources and geography',
      blocks: dataBlocks(c),
    },
    {
      article: 'Art. 67(2)(e), 67(4)',
      title: 'Anonymised or pseudonymised data, and the legal basis',
      blocks: [
        kv([
          ['Form of the data', text(c.dataForm)],
          ['Why anonymised data will not do', text(c.dataFormJustification)],
        ]),
        legalBasisBlock(c),
      ],
    },
    {
      article: 'Art. 67(2)(f)',
      title: 'Datasets the applicant brings into the secure processing environment',
      blocks: [kv([['Own datasets', text(c.ownDatasets)]])],
    },
    {
      article: 'Art. 67(2)(g)',
      title: 'Safeguards against misuse and re-identification',
      blocks: [kv([['Safeguards', text(c.safeguards)]])],
    },
    {
      article: 'Art. 67(2)(h), 67(5)',
      title: 'Period in the secure processing environment',
      blocks: [
        kv([
          ['Months needed', c.speMonths ? String(c.speMonths) : NOT_GIVEN],
          ['Justification', text(c.speJustification)],
          ['Public body: access period', text(c.publicBodyAccess?.period)],
          ['Public body: frequency', text(c.publicBodyAccess?.frequency)],
        ]),
      ],
    },
    {
      article: 'Art. 67(2)(i)',
      title: 'Tools and computing resources',
      blocks: [
        kv([
          ['Software', list(c.tools?.software)],
          ['CPU hours', c.tools?.cpuHours !== undefined ? String(c.tools.cpuHours) : NOT_GIVEN],
          ['GPU hours', c.tools?.gpuHours !== undefined ? String(c.tools.gpuHours) : NOT_GIVEN],
          ['AI Factory', text(c.tools?.aiFactory)],
        ]),
      ],
    },
    {
      article: 'Art. 67(2)(j)',
      title: 'Ethics',
      blocks: [
        kv([
          ['Status', text(c.ethics?.status?.replace(/_/g, ' '))],
          ['Committee', text(c.ethics?.committee)],
          ['Reference', text(c.ethics?.reference)],
        ]),
      ],
    },
    { article: 'Art. 67(2)(k), 71(4)', title: 'Exception to the opt-out', blocks: [optOutBlock(c)] },
    declarationsSection(c),
  ];
}

/** Art. 69(2)(a)–(g). */
function requestSections(a: ApplicationRecord, c: ApplicationContent): Section[] {
  const stats = c.statisticalContent;
  return [
    applicantSection(a, c, 'Art. 69(2)(a)'),
    {
      article: 'Art. 69(2)(b)',
      title: 'Use and purpose',
      blocks: [purposeBlock(c), kv([['Use and benefit', text(c.useAndBenefit)]])],
    },
    { article: 'Art. 69(2)(c)', title: 'Data, format and sources', blocks: dataBlocks(c) },
    {
      article: 'Art. 69(2)(d)',
      title: 'Statistical content wanted',
      blocks: [
        kv([['Description', text(stats?.description)]]),
        stats?.tables?.length
          ? {
              kind: 'table',
              caption: 'Tables wanted',
              columns: ['Measure', 'By', 'Population'],
              rows: stats.tables.map((t) => [t.measure, t.dimensions.join(', '), t.population ?? '']),
            }
          : { kind: 'paragraph', text: 'Tables wanted: none described.' },
      ],
    },
    { article: 'Art. 69(2)(e)', title: 'Safeguards', blocks: [kv([['Safeguards', text(c.safeguards)]])] },
    { article: 'Art. 69(2)(f)', title: 'Legal basis (GDPR or EUDPR)', blocks: [legalBasisBlock(c)] },
    { article: 'Art. 69(2)(g), 71(4)', title: 'Exception to the opt-out', blocks: [optOutBlock(c)] },
    declarationsSection(c),
  ];
}

function declarationsSection(c: ApplicationContent): Section {
  return {
    article: 'Art. 54',
    title: 'Declarations against prohibited uses',
    blocks: [
      {
        kind: 'paragraph',
        text: c.declarations?.length
          ? c.declarations.map((d) => `Declared: ${d.toLowerCase().replace(/_/g, ' ')}`).join('\n')
          : 'No declaration made.',
      },
    ],
  };
}

/** Builds the PDF export. */
export async function exportPdf(
  a: ApplicationRecord,
  history: ApplicationEventRecord[],
  decision: StoredDecision | null,
  now: Date,
): Promise<Uint8Array> {
  const c = a.content;
  const kindName =
    a.kind === 'application' ? 'Data access application (Art. 67)' : 'Health data request (Art. 69)';
  const title = c.title?.trim() || 'Untitled';
  const blocks: PdfBlock[] = [
    kv([
      ['Reference', a.reference],
      ['Kind', kindName],
      ['Status', a.status.replace(/_/g, ' ')],
      ['Outcome', a.outcome ? (OUTCOME_LABELS[a.outcome] ?? a.outcome) : 'No decision yet'],
      ['Submitted', day(a.submittedAt)],
      ['Decided', day(a.decidedAt)],
      ['Permit', decision?.permitId ?? (a.outcome ? 'None' : 'Not yet')],
    ]),
  ];
  const sections = a.kind === 'application' ? applicationSections(a, c) : requestSections(a, c);
  for (const s of sections) {
    blocks.push({ kind: 'heading', level: 2, text: `${s.article}: ${s.title}` }, ...s.blocks);
  }
  blocks.push(
    { kind: 'heading', text: 'Status history' },
    {
      kind: 'table',
      columns: ['When', 'Event', 'Status', 'By', 'Reason'],
      widths: [2.6, 2.4, 3.2, 2.2, 4],
      rows: history.map((e) => [
        day(e.at),
        e.event.replace(/-/g, ' '),
        e.fromStatus && e.fromStatus !== e.toStatus ? `${e.fromStatus} -> ${e.toStatus}` : e.toStatus,
        e.actor.replace(/^account:/, ''),
        e.reason ?? '',
      ]),
    },
  );
  return renderPdf({
    title: `${a.reference}: ${title}`,
    subtitle: `${kindName}. Exported ${day(now.toISOString())}.`,
    subject: `${a.reference} ${title}`,
    author: a.organisation?.name ?? a.applicant.displayName,
    keywords: [a.reference, a.kind, a.status],
    footer: `${a.reference}: ${title}`,
    createdAt: now,
    blocks,
  });
}

/** Loads what an export needs, with the file's own visibility rule (`applicationFor`). */
async function exportSource(db: Queryable, p: Principal, id: string) {
  const a = await applicationFor(db, p, id);
  const [history, decision] = await Promise.all([applicationHistory(db, a.id), decisionOf(db, a.id)]);
  return { a, history, decision };
}

const Id = z.object({ id: z.uuid() });
const ExportQuery = z.object({ format: z.enum(['json', 'pdf']).optional() }).strict();

/** `GET /api/applications/:id/export?format=json|pdf` for the applicant and HDAB staff. */
export function applicationExportRoutes(app: FastifyInstance, deps: { db: Db; idleMinutes: number }): void {
  const either = { preHandler: requireRole(deps.db, deps.idleMinutes, ['data_user', 'hdab_staff']) };
  app.get('/api/applications/:id/export', either, async (request, reply) => {
    const { id } = validate(Id, request.params, 'path');
    const q = validate(ExportQuery, request.query, 'query');
    const format = q.format ?? (request.headers.accept?.includes('application/pdf') ? 'pdf' : 'json');
    const { a, history, decision } = await exportSource(deps.db, request.principal!, id);
    const now = new Date();
    const name = `${a.reference}.${format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    if (format === 'json') return exportJson(a, history, decision, now);
    return reply.type('application/pdf').send(Buffer.from(await exportPdf(a, history, decision, now)));
  });
}

import type { Queryable } from '@openehds/db';
import { notFound, type SignedDocument } from '@openehds/core';

/** One version of a permit (EHDS.md §5: amendment and renewal make a new permit id). */
export interface PermitRecord {
  id: string;
  rootId: string;
  previousId: string | null;
  version: number;
  applicationId: string;
  status: 'GRANTED' | 'AMENDED' | 'RENEWED' | 'REVOKED' | 'EXPIRED';
  validFrom: string;
  validUntil: string;
  activeFrom: string;
  activeUntil: string | null;
  renewals: number;
  /** Bumped on every change of this row (closed, revoked, expired); nodes keep the highest seen. */
  revision: number;
  content: PermitContent;
  signed: SignedDocument;
  reason: string | null;
  createdAt: string;
}

/** The content of a permit, Art. 68(10)(a)–(h). */
export interface PermitContent {
  permitNumber: string;
  applicationReference: string;
  holder: { organisation: string | null; country: string | null };
  /** (a) data: datasets with their sources, variables, period, format; pseudonymised or anonymised. */
  datasets: { datasetId: string; title?: string; country: string; holder?: string; variables?: string[] }[];
  variables: string[];
  period: { from?: string; to?: string };
  dataForm: 'anonymised' | 'pseudonymised' | null;
  /** (b) purposes (Art. 53(1)). */
  purposes: string[];
  /** (c) the opt-out exception and its reasons, if granted (Art. 71(4)). */
  optOutException: { granted: boolean; justification: string | null };
  /** (d) the authorised persons, the principal investigator first. */
  persons: { name: string; email: string; role: string; orcid?: string }[];
  /** (e) duration. */
  validFrom: string;
  validUntil: string;
  /** (f) the secure processing environment and its tools, with compute granted. */
  spe: { tools: string[]; gpuHours: number; cpuHours: number; aiFactory: string | null };
  /** (g) fees. */
  fees: { total: number; currency: 'EUR' } | null;
  /** (h) specific conditions. */
  conditions: string[];
  issuedBy: { name: string; country: string; url: string };
  redress: string;
  /** For an amended or renewed version (D6.4: a new permit id): the chain it continues and why. */
  lineage?: {
    rootPermitId: string;
    previousPermitId: string;
    version: number;
    status: 'AMENDED' | 'RENEWED';
    reason: string;
  };
}

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

export function toPermit(r: Record<string, unknown>): PermitRecord {
  return {
    id: r.id as string,
    rootId: r.root_id as string,
    previousId: (r.previous_id as string | null) ?? null,
    version: Number(r.version),
    applicationId: r.application_id as string,
    status: r.status as PermitRecord['status'],
    validFrom: iso(r.valid_from)!,
    validUntil: iso(r.valid_until)!,
    activeFrom: iso(r.active_from)!,
    activeUntil: iso(r.active_until),
    renewals: Number(r.renewals),
    revision: Number(r.revision ?? 1),
    content: r.content as PermitContent,
    signed: r.signed as SignedDocument,
    reason: (r.reason as string | null) ?? null,
    createdAt: iso(r.created_at)!,
  };
}

export async function loadPermit(db: Queryable, id: string): Promise<PermitRecord> {
  const [row] = await db.query<Record<string, unknown>>('SELECT * FROM permit WHERE id = $1', [id]);
  if (!row) throw notFound('permit', id);
  return toPermit(row);
}

/** Loads a permit version and locks its row until the transaction ends (changes of one version serialise). */
export async function lockPermit(tx: Queryable, id: string): Promise<PermitRecord> {
  const [row] = await tx.query<Record<string, unknown>>('SELECT * FROM permit WHERE id = $1 FOR UPDATE', [
    id,
  ]);
  if (!row) throw notFound('permit', id);
  return toPermit(row);
}

/** Every version of the permit a version belongs to, oldest first. */
export async function permitVersions(db: Queryable, rootId: string): Promise<PermitRecord[]> {
  const rows = await db.query<Record<string, unknown>>(
    'SELECT * FROM permit WHERE root_id = $1 ORDER BY version',
    [rootId],
  );
  return rows.map(toPermit);
}

/** A new permit number, sequence/year/country in D6.3's style, e.g. `FI-2026-000123`. */
export async function nextPermitNumber(tx: Queryable, country: string, now = new Date()): Promise<string> {
  const [row] = await tx.query<{ n: string }>(`SELECT nextval('permit_number_seq') AS n`);
  return `${country}-${now.getUTCFullYear()}-${String(row!.n).padStart(6, '0')}`;
}

/** Inserts a permit version (in the caller's transaction). */
export async function insertPermit(
  tx: Queryable,
  p: Omit<PermitRecord, 'createdAt' | 'activeUntil' | 'revision'> & { createdBy: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO permit (id, root_id, previous_id, version, application_id, status, valid_from, valid_until,
       active_from, renewals, content, signed, reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14)`,
    [
      p.id,
      p.rootId,
      p.previousId,
      p.version,
      p.applicationId,
      p.status,
      p.validFrom,
      p.validUntil,
      p.activeFrom,
      p.renewals,
      JSON.stringify(p.content),
      JSON.stringify(p.signed),
      p.reason,
      p.createdBy,
    ],
  );
}

import type { Queryable } from '@openehds/db';
import { PURPOSE_LETTER, type Purpose } from '@openehds/core';

/**
 * What the public register shows of a case file (Art. 57(1)(j)(ii)): its reference, kind, title, the
 * applicant *organisation* (never the persons named in it), purposes and datasets. Pure projection,
 * plus the dataset titles looked up in the catalogue.
 */
export interface PublicFile {
  id: string;
  reference: string;
  kind: 'application' | 'request';
  title: string;
  /** The organisation applying; null when a natural person applied without one. */
  applicant: { organisation: string | null; kind: string | null; country: string | null };
  purposes: { code: string; article: string }[];
  datasets: { id: string; title: string | null; country: string | null }[];
}

/** The columns `publicFile` reads, as every register query selects them. */
export const PUBLIC_FILE_COLUMNS = `a.id, a.reference, a.kind, a.content->>'title' AS title,
  a.content->'purposes' AS purposes, a.content->'datasets' AS datasets,
  o.name AS org_name, o.kind AS org_kind, o.country AS org_country`;

type Row = Record<string, unknown>;

/** The dataset ids a row names (the file's requested datasets). */
export function datasetIdsOf(row: Row): string[] {
  return ((row.datasets as { datasetId?: string }[] | null) ?? [])
    .map((d) => d.datasetId)
    .filter((d): d is string => typeof d === 'string');
}

/** Catalogue titles of datasets (English first), for the register to show names, not only ids. */
export async function datasetTitles(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; title: Record<string, string> | null }>(
    `SELECT id, description->'title' AS title FROM dataset WHERE id = ANY($1::text[])`,
    [[...new Set(ids)]],
  );
  return new Map(
    rows.map((r) => [r.id, r.title?.en ?? Object.values(r.title ?? {})[0] ?? r.id] as [string, string]),
  );
}

/** Projects a register row onto what the public sees; `datasets` overrides the requested ones (grants). */
export function publicFile(
  row: Row,
  titles: Map<string, string>,
  datasets?: { datasetId: string; title?: string; country?: string }[],
): PublicFile {
  const requested = (row.datasets as { datasetId: string; title?: string; country?: string }[] | null) ?? [];
  return {
    id: row.id as string,
    reference: row.reference as string,
    kind: row.kind as PublicFile['kind'],
    title: (row.title as string | null) ?? '',
    applicant: {
      organisation: (row.org_name as string | null) ?? null,
      kind: (row.org_kind as string | null) ?? null,
      country: (row.org_country as string | null) ?? null,
    },
    purposes: ((row.purposes as string[] | null) ?? []).map((code) => ({
      code,
      article: `Art. 53(1)(${PURPOSE_LETTER[code as Purpose] ?? '?'})`,
    })),
    datasets: (datasets ?? requested).map((d) => ({
      id: d.datasetId,
      title: titles.get(d.datasetId) ?? d.title ?? null,
      country: d.country ?? null,
    })),
  };
}

import type { Db } from '@openehds/db';
import { conflict, notFound } from '@openehds/core';
import type { CatalogueDescription, DatasetDescription } from '@openehds/standards';
import { appendIn } from '../audit/service';
import type { HubConfig } from '../config';
import { searchCatalogue, type CatalogueQuery, type CatalogueResult } from './search';
import { summarise, type DatasetSummary } from './summary';

/**
 * The national dataset catalogue (Art. 57(1)(j)(i), 77): data holders' nodes publish HealthDCAT-AP
 * descriptions with statistics and the quality label computed at the node; the data stays there.
 */

/** What a node sends to publish: its description plus page statistics and quality drill-down (counts only). */
export interface DatasetSubmission {
  description: DatasetDescription;
  statistics: Record<string, unknown>;
  quality: Record<string, unknown> | null;
}

/** A published dataset as the API returns it. */
export interface PublishedDataset {
  id: string;
  description: DatasetDescription;
  statistics: Record<string, unknown> | null;
  quality: Record<string, unknown> | null;
  node: { id: string; name: string; country: string } | null;
  publishedAt: string;
  summary: DatasetSummary;
}

/** IRI of a dataset in this hub's catalogue (stable: the id never changes). */
export function datasetIri(config: HubConfig, id: string): string {
  return `${config.publicUrl}/catalogue/datasets/${encodeURIComponent(id)}`;
}

/** The HDAB as a HealthDCAT-AP agent (`healthdcatap:hdab`), from the hub's configuration. */
export function hdabAgent(config: HubConfig): DatasetDescription['hdab'] {
  return {
    iri: `${config.hdab.url.replace(/\/$/, '')}#hdab`,
    name: { en: config.hdab.name },
    type: 'public-authority',
    contactPoint: { email: config.hdab.email, page: config.hdab.url },
  };
}

/** Adds what the HDAB owns to a node's description: the dataset IRI, the HDAB agent, the access route. Pure. */
export function completeForCatalogue(config: HubConfig, submitted: DatasetDescription): DatasetDescription {
  const id = submitted.identifier;
  const page = `${config.publicUrl}/catalogue/${encodeURIComponent(id)}`;
  return {
    ...submitted,
    iri: datasetIri(config, id),
    hdab: hdabAgent(config),
    landingPage: page,
    distributions: submitted.distributions.length
      ? submitted.distributions
      : [
          {
            id: 'hdab-access',
            title: { en: 'Access through the Health Data Access Body (data permit or health data request)' },
            accessUrl: page,
          },
        ],
  };
}

/**
 * Completes a node's description with what the HDAB owns (the dataset IRI, the HDAB agent, the access
 * route through the HDAB as distribution) and stores it as published. A dataset id belongs to the
 * node that first published it.
 */
export async function publishDataset(
  db: Db,
  config: HubConfig,
  node: { id: string; organisationId: string | null },
  submission: DatasetSubmission,
): Promise<{ id: string; url: string; publishedAt: string }> {
  const description = completeForCatalogue(config, submission.description);
  const id = description.identifier;
  const publishedAt = new Date().toISOString();
  await db.transaction(async (tx) => {
    const [existing] = await tx.query<{ node_id: string | null }>(
      'SELECT node_id FROM dataset WHERE id = $1',
      [id],
    );
    if (existing && existing.node_id !== node.id) {
      throw conflict(`dataset id ${id} is already published by another node; choose another dataset id`);
    }
    await tx.query(
      `INSERT INTO dataset (id, node_id, organisation_id, status, description, statistics, quality, search_text, published_at, updated_at)
       VALUES ($1, $2, $3, 'PUBLISHED', $4::jsonb, $5::jsonb, $6::jsonb, $7, $8, $8)
       ON CONFLICT (id) DO UPDATE SET status = 'PUBLISHED', description = EXCLUDED.description,
         statistics = EXCLUDED.statistics, quality = EXCLUDED.quality, search_text = EXCLUDED.search_text,
         published_at = EXCLUDED.published_at, updated_at = EXCLUDED.updated_at`,
      [
        id,
        node.id,
        node.organisationId,
        JSON.stringify(description),
        JSON.stringify(submission.statistics),
        JSON.stringify(submission.quality),
        Object.values(description.title).join(' '),
        publishedAt,
      ],
    );
    await appendIn(tx, {
      actor: `node:${node.id}`,
      action: 'dataset.publish',
      object: `dataset:${id}`,
      outcome: 'success',
    });
  });
  return { id, url: description.landingPage!, publishedAt };
}

async function loadPublished(db: Db, id?: string): Promise<PublishedDataset[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT d.id, d.description, d.statistics, d.quality, d.published_at, n.id AS node_id, n.name AS node_name, n.country
     FROM dataset d LEFT JOIN node n ON n.id = d.node_id
     WHERE d.status = 'PUBLISHED' AND ($1::text IS NULL OR d.id = $1)`,
    [id ?? null],
  );
  return rows.map((r) => {
    const publishedAt = new Date(r.published_at as string).toISOString();
    const description = r.description as DatasetDescription;
    const country = (r.country as string | null) ?? '';
    return {
      id: r.id as string,
      description,
      statistics: (r.statistics as Record<string, unknown> | null) ?? null,
      quality: (r.quality as Record<string, unknown> | null) ?? null,
      node: r.node_id ? { id: r.node_id as string, name: r.node_name as string, country } : null,
      publishedAt,
      summary: summarise({ id: r.id as string, country, description: description as never, publishedAt }),
    };
  });
}

/** Searches the published catalogue with facets. */
export async function searchDatasets(db: Db, query: CatalogueQuery): Promise<CatalogueResult> {
  return searchCatalogue(
    (await loadPublished(db)).map((d) => d.summary),
    query,
  );
}

/** One published dataset, or not-found. */
export async function getDataset(db: Db, id: string): Promise<PublishedDataset> {
  const [d] = await loadPublished(db, id);
  if (!d) throw notFound('dataset', id);
  return d;
}

/** The whole catalogue as a HealthDCAT-AP `dcat:Catalog` description. */
export async function catalogueDescription(db: Db, config: HubConfig): Promise<CatalogueDescription> {
  return {
    iri: `${config.publicUrl}/catalogue`,
    title: { en: `${config.hdab.name}: national health data catalogue` },
    description: {
      en: 'Datasets available for secondary use under the European Health Data Space regulation (EU) 2025/327.',
    },
    publisher: hdabAgent(config),
    homepage: config.publicUrl,
    datasets: (await loadPublished(db)).map((d) => d.description),
  };
}

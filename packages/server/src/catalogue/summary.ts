import { resolveDuoCode } from '@openehds/core';

/**
 * What the catalogue search shows of each published dataset: a flat projection of its HealthDCAT-AP
 * description, the node it lives at, and its quality label. Pure.
 */
export interface DatasetSummary {
  id: string;
  title: Record<string, string>;
  description: Record<string, string>;
  publisher: { name: string };
  country: string;
  healthCategories: string[];
  codingSystems: string[];
  accessRights: 'PUBLIC' | 'RESTRICTED' | 'NON_PUBLIC';
  numberOfUniqueIndividuals: number | null;
  numberOfRecords: number | null;
  temporal: { start: string; end?: string } | null;
  quality: { stars: number; score: number } | null;
  keywords: string[];
  /** DUO shorthands of the dataset's data-use conditions (e.g. `HMB`, `NCU`), for the facet. */
  dataUse: string[];
  publishedAt: string;
}

/** The stored parts of a published dataset that a summary is made from. */
export interface StoredDataset {
  id: string;
  country: string;
  description: Record<string, unknown>;
  publishedAt: string;
}

type Lang = Record<string, string>;

/** Projects a stored HealthDCAT-AP description onto the summary the search and the UI use. */
export function summarise(d: StoredDataset): DatasetSummary {
  const desc = d.description as {
    title: Lang;
    description: Lang;
    publisher?: { name?: Lang };
    healthCategories?: string[];
    accessRights: DatasetSummary['accessRights'];
    keywords?: Record<string, string[]>;
    derived?: {
      numberOfUniqueIndividuals?: number;
      numberOfRecords?: number;
      temporalCoverage?: { start: string; end?: string };
      codingSystems?: string[];
    };
    qualityLabel?: { stars: number; score: number };
    dataUse?: { code: string }[];
  };
  // A row is written only from a validated description, but one edited in the store must not take
  // the whole catalogue down: missing texts read as empty.
  const texts = (v: unknown): Lang => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Lang) : {});
  return {
    id: d.id,
    title: texts(desc.title),
    description: texts(desc.description),
    publisher: { name: desc.publisher?.name?.en ?? Object.values(desc.publisher?.name ?? {})[0] ?? '' },
    country: d.country,
    healthCategories: desc.healthCategories ?? [],
    codingSystems: desc.derived?.codingSystems ?? [],
    accessRights: desc.accessRights,
    numberOfUniqueIndividuals: desc.derived?.numberOfUniqueIndividuals ?? null,
    numberOfRecords: desc.derived?.numberOfRecords ?? null,
    temporal: desc.derived?.temporalCoverage ?? null,
    quality: desc.qualityLabel ? { stars: desc.qualityLabel.stars, score: desc.qualityLabel.score } : null,
    keywords: Object.values(desc.keywords ?? {}).flat(),
    dataUse: (Array.isArray(desc.dataUse) ? desc.dataUse : []).map((c) => {
      const term = resolveDuoCode(String(c?.code ?? ''));
      return term?.shorthand ?? term?.id ?? String(c?.code ?? '');
    }),
    publishedAt: d.publishedAt,
  };
}

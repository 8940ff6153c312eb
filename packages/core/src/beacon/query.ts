/**
 * The parsed form of a GA4GH Beacon v2 request (issue 5 §2), shared by the node's Beacon, the hub's
 * Beacon network and the web client. A request arrives as GET query parameters or a POST body
 * (`beaconRequestBody`); `parse-request.ts` turns either into this shape or into errors naming the
 * parameter at fault. Pure types; no I/O.
 *
 * Coordinates follow Beacon: 0-based, half-open (`start` inclusive, `end` exclusive), so a VCF POS p
 * is start p - 1 (EHDS.md §16; the node stores `start0` the same way).
 */

/** Entry types this Beacon serves (Beacon v2 default model names). */
export const BEACON_ENTRY_TYPES = ['genomicVariant', 'individual', 'biosample', 'cohort', 'dataset'] as const;
export type BeaconEntryType = (typeof BEACON_ENTRY_TYPES)[number];

/** What a Beacon may answer: yes/no, a count, or the records themselves. */
export const BEACON_GRANULARITIES = ['boolean', 'count', 'record'] as const;
export type BeaconGranularity = (typeof BEACON_GRANULARITIES)[number];

/**
 * The variant part of a request. Exactly one of the Beacon query forms holds:
 * - sequence: `referenceName`, one `start`, `referenceBases`, `alternateBases`;
 * - range: `referenceName`, one `start`, one `end` (optionally `variantType`, `alternateBases`,
 *   `variantMinLength`, `variantMaxLength`);
 * - bracket: `referenceName`, two `start`s and two `end`s (start and end each within their bracket);
 * - gene: `geneId` (optionally `variantType`, lengths).
 */
export interface BeaconVariantQuery {
  form: 'sequence' | 'range' | 'bracket' | 'gene';
  /** `GRCh38`, `GRCh37`, ... as the node's data declares it; absent = the node's own. */
  assemblyId?: string;
  /** Chromosome without `chr` (`chrM` → `MT`), as `normaliseChrom` spells it. */
  referenceName?: string;
  /** 0-based starts: one value, or two for a bracket. */
  start?: number[];
  /** 0-based exclusive ends: one value, or two for a bracket. */
  end?: number[];
  referenceBases?: string;
  /** `N` matches any base; absent = any alternate allele. */
  alternateBases?: string;
  /** `SNP`, `INDEL`, `DEL`, `INS`, `DUP`, `CNV`, `MNP`, ... (matched on the stored `variant_type`). */
  variantType?: string;
  geneId?: string;
  variantMinLength?: number;
  variantMaxLength?: number;
}

/**
 * A Beacon filter: an ontology term (`{ id: 'HP:0001250' }`, `{ id: 'ICD10:E11' }`,
 * `{ id: 'SNOMED:38341003' }`, sex as `NCIT:C16576` female / `NCIT:C20197` male) or an alphanumeric
 * one (`{ id: 'age', operator: '>=', value: '18' }`, age in whole years).
 */
export interface BeaconFilter {
  id: string;
  operator?: '=' | '<' | '>' | '<=' | '>=' | '!';
  value?: string;
  includeDescendantTerms?: boolean;
  scope?: BeaconEntryType;
}

export interface BeaconQuery {
  entryType: BeaconEntryType;
  variant?: BeaconVariantQuery;
  filters: BeaconFilter[];
  /** What the caller asked for; the answer is at most what they may see (`returnedGranularity`). */
  requestedGranularity: BeaconGranularity;
  /** `HIT` (datasets with results), `MISS`, `ALL` or `NONE`. */
  includeResultsetResponses: 'HIT' | 'MISS' | 'ALL' | 'NONE';
  skip: number;
  limit: number;
  /** Restricts the query to these datasets (Beacon `datasets` request parameter). */
  datasetIds?: string[];
  /** A single entry requested by id (`/individuals/{id}`, `/g_variants/{id}`). */
  entryId?: string;
}

/**
 * One dataset's answer, as the node's engine returns it after granularity and disclosure control:
 * `count` only when the returned granularity is count or record, `results` only for record.
 */
export interface BeaconResultSet {
  id: string;
  setType: 'dataset';
  exists: boolean;
  resultsCount?: number;
  /** True when the count was rounded or floored by the HDAB's policy (e.g. "<10" shown as 10). */
  countAdjusted?: boolean;
  results?: Record<string, unknown>[];
  /** Allele frequency of the queried variant in this dataset, when a count may be shown. */
  frequency?: { alleleCount: number; alleleNumber: number; alleleFrequency: number };
}

/**
 * What a caller may see, decided before the query runs (issue 5 §3, EHDS.md §16 [OURS]): anonymous
 * callers get booleans, registered users counts (with the HDAB's minimum count and rounding), and
 * records only for the datasets of an active permit naming them (checked through their GA4GH visa).
 */
export interface BeaconAccess {
  /** The most detailed answer allowed for datasets outside `recordDatasets`: boolean or count. */
  granularity: 'boolean' | 'count';
  /** Datasets (published ids) the caller may see records of, each with the permit that allows it. */
  recordDatasets: { datasetId: string; permitId: string }[];
  /** Counts below this are shown as not existing when counts are allowed (default 10). */
  minCount: number;
  /** Counts at or above `minCount` are rounded to a multiple of this (default 10). */
  roundTo: number;
}

/**
 * Shapes of a node's local API (the data holder's own node). The browser calls it directly with a
 * short-lived token from the hub, so record-level data never passes through the hub.
 */
import type { DataUseCondition } from './data-use';
import type { AccessRights, DatasetStatistics, LangText } from './types';

/** Counts for one kind of record read by an ingest (`read = loaded + rejected + skipped`). */
export interface IngestCounts {
  read: number;
  loaded: number;
  rejected: number;
  /** Not stored on purpose: already loaded, or a type with no OMOP mapping. */
  skipped?: number;
}

/** A record the ingest rejected, with where it was and why. */
export interface IngestRejection {
  file: string;
  line: number;
  reason: string;
}

/** One input file of an ingest and what became of it. */
export interface IngestedFile {
  path: string;
  format: string;
  sha256: string;
  /** True when the same content was ingested before: nothing was read. */
  skipped?: boolean;
}

/** The report of one ingest. */
export interface IngestReport extends IngestCounts {
  batchId: string;
  byType: Record<string, IngestCounts>;
  /** Why records were skipped, with counts. */
  skippedReasons?: Record<string, number>;
  /** The first rejections; the node's quarantine keeps all of them. */
  errors: IngestRejection[];
  /** Rejections not listed in `errors`. */
  errorsOmitted?: number;
  files?: IngestedFile[];
}

/** One past ingest batch. */
export interface IngestBatch extends IngestCounts {
  batchId: string;
  startedAt: string;
  finishedAt?: string | null;
  status: string;
}

/** One data quality check result on the node. */
export interface QualityCheckResult {
  id: string;
  category: string;
  subcategory?: string;
  kind?: string;
  dimension: string;
  table: string;
  field: string | null;
  rowsChecked: number;
  rowsFailed: number;
  pctFailed: number;
  threshold: number;
  passed: boolean;
  /** A check with no rows to check: neither passed nor failed. */
  notApplicable?: boolean;
  description: string;
}

/** What a label dimension's score rests on at the node. */
export type LabelBasis = 'data' | 'declared' | 'data+declared' | 'not assessed';

/** One dimension of the node's label (score 0–1). */
export interface LabelDimension {
  id: string;
  name: string;
  group: string;
  weight: number;
  score: number;
  basis: LabelBasis;
}

/** The node's quality label (Art. 78), as computed at the node. */
export interface NodeLabel {
  scheme?: string;
  computedAt?: string;
  /** 0–100. */
  score: number;
  stars: number;
  dimensions: LabelDimension[];
  checks: { total: number; applicable: number; passed: number; failed: number };
}

/** One past quality run, for the trend chart. */
export interface QualityTrendPoint {
  runId: string;
  ranAt: string;
  score: number;
  stars: number;
  checksFailed?: number;
}

/** The node's current quality label, its checks and its history. */
export interface NodeQuality {
  label: NodeLabel;
  ranAt: string;
  checks: QualityCheckResult[];
  trend: QualityTrendPoint[];
}

/** The part of the dataset description the holder writes (Art. 60(3)). */
export interface DatasetDraft {
  title: LangText;
  description: LangText;
  keywords: string[];
  accessRights: AccessRights;
  healthCategories: string[];
  contactPoint: { name: string; email: string };
  /** Publisher type code of the HealthData@EU list, e.g. `research-institute-org`. */
  publisherType: string;
  /** Legal basis of the original collection (dpv:hasLegalBasis). */
  legalBasis: string;
  /** Purpose of the original collection (dpv:hasPurpose). */
  purpose: string;
  /** How the data came to be. */
  provenance: string;
  /** How long the data is kept: ISO dates, the end optional. */
  retentionPeriod?: { start: string; end?: string };
  theme: string[];
  /** GA4GH DUO data-use conditions: one primary permission plus modifiers; absent when none. */
  dataUse?: DataUseCondition[];
}

/** The node's dataset: statistics derived from the data, the editable draft, and the current label. */
export interface NodeDataset {
  id: string;
  derived: DatasetStatistics;
  draft: DatasetDraft;
  quality: { stars: number; score: number } | null;
  /** The hub's answer to this node's last publication, or null when never published. */
  published: PublishResult | null;
}

/** The answer to publishing: where the entry now lives at the hub. */
export interface PublishResult {
  id: string;
  publishedAt: string;
  url: string;
}

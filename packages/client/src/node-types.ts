/**
 * Shapes of a node's local API (the data holder's own node). The browser calls it directly with a
 * short-lived token from the hub, so record-level data never passes through the hub.
 */
import type { AccessRights, LangText, QualityDimension, Temporal } from './types';

/** Counts for one kind of record read by an ingest. */
export interface IngestCounts {
  read: number;
  loaded: number;
  rejected: number;
}

/** A record the ingest rejected, with where it was and why. */
export interface IngestRejection {
  file: string;
  line: number;
  reason: string;
}

/** The report of one ingest. */
export interface IngestReport extends IngestCounts {
  batchId: string;
  byType: Record<string, IngestCounts>;
  errors: IngestRejection[];
}

/** One past ingest batch. */
export interface IngestBatch extends IngestCounts {
  batchId: string;
  startedAt: string;
  status: string;
}

/** One data quality check result on the node. */
export interface QualityCheckResult {
  id: string;
  category: string;
  dimension: string;
  table: string;
  field: string | null;
  rowsChecked: number;
  rowsFailed: number;
  pctFailed: number;
  threshold: number;
  passed: boolean;
  description: string;
}

/** One past quality run, for the trend chart. */
export interface QualityTrendPoint {
  runId: string;
  ranAt: string;
  score: number;
  stars: number;
}

/** The node's current quality label, its checks and its history. */
export interface NodeQuality {
  label: { stars: number; score: number; dimensions: QualityDimension[] };
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
  legalBasis: string;
  purpose: string;
  retentionPeriod: string;
  theme: string[];
}

/** Fields the node derives from the data itself; shown read-only. */
export interface DatasetDerived {
  numberOfRecords: number | null;
  numberOfUniqueIndividuals: number | null;
  minTypicalAge: number | null;
  maxTypicalAge: number | null;
  temporal: Temporal | null;
  codingSystems: string[];
  healthCategories: string[];
}

/** The node's dataset: derived fields, the editable draft, and when it was last published. */
export interface NodeDataset {
  id: string;
  derived: DatasetDerived;
  draft: DatasetDraft;
  published: { at: string } | null;
}

/** The answer to publishing: where the entry now lives at the hub. */
export interface PublishResult {
  id: string;
  publishedAt: string;
  url: string;
}

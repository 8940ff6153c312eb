import type { Dimension } from './types';

/**
 * The label scheme as data: QUANTUM's 12 dimensions and weights, its star cut-offs (EHDS.md §14), and
 * the thresholds by which measures and declared information are scored. QUANTUM's own tool is
 * CC BY-NC 4.0; we use its published dimensions and weights only, and our own scoring rules.
 */

/** Where a dimension's evidence can come from. */
export type DimensionSource = 'data' | 'declared' | 'data+declared';

/** One QUANTUM dimension. */
export interface DimensionSpec {
  id: Dimension;
  name: string;
  group: 'Access' | 'Coverage' | 'Documentation' | 'Technical';
  /** Weight in % (QUANTUM proposal). */
  weight: number;
  /** What can feed the dimension in our implementation. */
  sources: DimensionSource;
}

/** Scheme identifier stored with each label, so a label can be re-read under the scheme that made it. */
export const SCHEME_ID = 'openehds-quantum-1';

/** QUANTUM's dimensions with their weights. */
export const DIMENSIONS: readonly DimensionSpec[] = [
  { id: 'accessibility', name: 'Accessibility', group: 'Access', weight: 9.95, sources: 'data+declared' },
  {
    id: 'populationCoverage',
    name: 'Population coverage',
    group: 'Coverage',
    weight: 6.47,
    sources: 'data+declared',
  },
  {
    id: 'representativity',
    name: 'Representativity',
    group: 'Coverage',
    weight: 7.96,
    sources: 'data+declared',
  },
  { id: 'compliance', name: 'Compliance', group: 'Documentation', weight: 7.46, sources: 'declared' },
  { id: 'provenance', name: 'Provenance', group: 'Documentation', weight: 7.96, sources: 'data+declared' },
  { id: 'metadataScope', name: 'Metadata scope', group: 'Documentation', weight: 8.46, sources: 'declared' },
  { id: 'accuracy', name: 'Accuracy', group: 'Technical', weight: 9.95, sources: 'data' },
  { id: 'coherence', name: 'Coherence', group: 'Technical', weight: 8.96, sources: 'data' },
  { id: 'completeness', name: 'Completeness', group: 'Technical', weight: 8.96, sources: 'data' },
  { id: 'consistency', name: 'Consistency', group: 'Technical', weight: 9.95, sources: 'data' },
  { id: 'precision', name: 'Precision', group: 'Technical', weight: 5.97, sources: 'data' },
  { id: 'validity', name: 'Validity', group: 'Technical', weight: 7.96, sources: 'data' },
];

/** Score (0–100) at or above which a label gets 1, 2, 3, 4, 5 stars; below the first, 0 stars. */
export const STAR_CUTOFFS: readonly number[] = [25, 45, 60, 80, 90];

/** Thresholds turning measures and declared values into 0–1 scores (linear between `full` and `zero`). */
export const SCORING = {
  /** Persons: log-scaled, full at this size. */
  populationFull: 100_000,
  /** Years between first and last event: full at this span. */
  spanYearsFull: 10,
  /** Mean years a person stays in the data: full at this. */
  yearsInDataFull: 5,
  /** Days since the latest event: full up to `full`, none from `zero` (Art. 78(3)(b) timeliness). */
  eventRecencyDays: { full: 90, zero: 1825 },
  /** Days since the latest ingest. */
  ingestRecencyDays: { full: 30, zero: 730 },
  /** Declared collection-to-inclusion time, Art. 78(3)(e). */
  collectionToInclusionDays: { full: 30, zero: 730 },
  /** Declared delivery time after a permit is approved, Art. 78(3)(e). */
  deliveryDaysAfterApproval: { full: 14, zero: 180 },
} as const;

/**
 * Dataset description fields (HealthDCAT-AP, EHDS.md §13) whose completion documents the dataset,
 * Art. 78(3)(a). Mandatory fields weigh 2, recommended 1.
 */
export const DOCUMENTATION_FIELDS: readonly { field: string; weight: 1 | 2 }[] = [
  { field: 'title', weight: 2 },
  { field: 'description', weight: 2 },
  { field: 'identifier', weight: 2 },
  { field: 'accessRights', weight: 2 },
  { field: 'healthCategory', weight: 2 },
  { field: 'theme', weight: 2 },
  { field: 'publisher', weight: 2 },
  { field: 'contactPoint', weight: 2 },
  { field: 'keyword', weight: 2 },
  { field: 'type', weight: 2 },
  { field: 'provenance', weight: 2 },
  { field: 'applicableLegislation', weight: 2 },
  { field: 'temporal', weight: 1 },
  { field: 'spatial', weight: 1 },
  { field: 'populationCoverage', weight: 1 },
  { field: 'hasCodingSystem', weight: 1 },
  { field: 'numberOfRecords', weight: 1 },
  { field: 'numberOfUniqueIndividuals', weight: 1 },
  { field: 'minTypicalAge', weight: 1 },
  { field: 'maxTypicalAge', weight: 1 },
  { field: 'purpose', weight: 1 },
  { field: 'legalBasis', weight: 1 },
  { field: 'conformsTo', weight: 1 },
  { field: 'retentionPeriod', weight: 1 },
  { field: 'version', weight: 1 },
  { field: 'hasVariables', weight: 1 },
];

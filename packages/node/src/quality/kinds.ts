import type { CheckCategory, CheckKind, CheckSubcategory, Dimension, TechnicalElement } from './types';

/**
 * What each check kind is, as data. For kinds DQD has, category and subcategory are DQD 5.4's
 * `kahnCategory`/`kahnSubcategory` (`OMOP_CDMv5.4_Check_Descriptions.csv`; a test compares them), and the
 * description template uses DQD's `@field`/`@table` placeholders. The QUANTUM dimension is a default a check
 * may override; the Art. 78(3)(b) element is what the check gives evidence for.
 */
export interface KindMeta {
  category: CheckCategory;
  subcategory: CheckSubcategory;
  /** True when DQD 5.4 has a check of this name. */
  dqd: boolean;
  dimension: Dimension;
  element: TechnicalElement;
  description: string;
}

/** Metadata of every check kind. */
export const KINDS: Record<CheckKind, KindMeta> = {
  isRequired: {
    category: 'conformance',
    subcategory: 'Relational',
    dqd: true,
    dimension: 'validity',
    element: 'validity',
    description: 'Records with a NULL value in @field of @table, which is required.',
  },
  isPrimaryKey: {
    category: 'conformance',
    subcategory: 'Relational',
    dqd: true,
    dimension: 'consistency',
    element: 'uniqueness',
    description: 'Records that share their @field value (the primary key of @table) with another record.',
  },
  isForeignKey: {
    category: 'conformance',
    subcategory: 'Relational',
    dqd: true,
    dimension: 'coherence',
    element: 'validity',
    description: 'Records whose @field in @table does not exist in @fkTable.@fkField.',
  },
  fkDomain: {
    category: 'conformance',
    subcategory: 'Value',
    dqd: true,
    dimension: 'validity',
    element: 'validity',
    description: 'Records whose @field in @table is not a concept of its domain (@allowed).',
  },
  allowedValues: {
    category: 'conformance',
    subcategory: 'Value',
    dqd: false,
    dimension: 'validity',
    element: 'validity',
    description: 'Records whose @field in @table is not one of @allowed.',
  },
  sourceValueFormat: {
    category: 'conformance',
    subcategory: 'Value',
    dqd: false,
    dimension: 'validity',
    element: 'validity',
    description: '@vocabulary codes in @field of @table that do not have the code system’s syntax.',
  },
  codeSpecificity: {
    category: 'conformance',
    subcategory: 'Value',
    dqd: false,
    dimension: 'precision',
    element: 'validity',
    description:
      '@vocabulary codes in @field of @table shorter than @minLength characters (category level only).',
  },
  measureValueCompleteness: {
    category: 'completeness',
    subcategory: '',
    dqd: true,
    dimension: 'completeness',
    element: 'completeness',
    description: 'Records with a NULL value in @field of @table.',
  },
  measurePersonCompleteness: {
    category: 'completeness',
    subcategory: '',
    dqd: true,
    dimension: 'completeness',
    element: 'completeness',
    description: 'Persons without at least one record in @table.',
  },
  measureObservationPeriodOverlap: {
    category: 'plausibility',
    subcategory: 'Temporal',
    dqd: true,
    dimension: 'consistency',
    element: 'consistency',
    description: 'Persons with overlapping or back-to-back observation periods.',
  },
  plausibleValueLow: {
    category: 'plausibility',
    subcategory: 'Atemporal',
    dqd: true,
    dimension: 'accuracy',
    element: 'accuracy',
    description: 'Records with @field of @table below @value.',
  },
  plausibleValueHigh: {
    category: 'plausibility',
    subcategory: 'Atemporal',
    dqd: true,
    dimension: 'accuracy',
    element: 'accuracy',
    description: 'Records with @field of @table above @value.',
  },
  plausibleTemporalAfter: {
    category: 'plausibility',
    subcategory: 'Temporal',
    dqd: true,
    dimension: 'consistency',
    element: 'consistency',
    description: 'Records whose @field in @table is before @afterField.',
  },
  plausibleAfterBirth: {
    category: 'plausibility',
    subcategory: 'Temporal',
    dqd: true,
    dimension: 'consistency',
    element: 'consistency',
    description: 'Records whose @field in @table is before the person’s birth.',
  },
  plausibleBeforeDeath: {
    category: 'plausibility',
    subcategory: 'Temporal',
    dqd: true,
    dimension: 'consistency',
    element: 'consistency',
    description: 'Records whose @field in @table is more than @graceDays days after the person’s death.',
  },
  plausibleGender: {
    category: 'plausibility',
    subcategory: 'Atemporal',
    dqd: true,
    dimension: 'accuracy',
    element: 'accuracy',
    description: 'Records of these codes in @table for persons whose gender is not @gender.',
  },
  isDuplicateRecord: {
    category: 'conformance',
    subcategory: 'Relational',
    dqd: false,
    dimension: 'consistency',
    element: 'uniqueness',
    description: 'Surplus copies of the same fact in @table (same @fields).',
  },
};

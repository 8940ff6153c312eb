/**
 * Types of the data quality and utility label (EHDS Art. 78). Check definitions are data
 * (`catalogue.ts`), the label's weights and scoring thresholds are data (`scheme.ts`); code only
 * interprets them.
 */

/** Kahn's harmonised data quality categories, as OHDSI DataQualityDashboard uses them. */
export type CheckCategory = 'conformance' | 'completeness' | 'plausibility';

/** Kahn subcategories (DQD's `kahnSubcategory`), '' where DQD leaves it empty. */
export type CheckSubcategory = 'Value' | 'Relational' | 'Computational' | 'Atemporal' | 'Temporal' | '';

/**
 * Check kinds. Names follow DQD 5.4 (`OMOP_CDMv5.4_Check_Descriptions.csv`) where DQD has the check;
 * `allowedValues`, `sourceValueFormat`, `codeSpecificity` and `isDuplicateRecord` are ours.
 */
export type CheckKind =
  | 'isRequired'
  | 'isPrimaryKey'
  | 'isForeignKey'
  | 'fkDomain'
  | 'allowedValues'
  | 'sourceValueFormat'
  | 'codeSpecificity'
  | 'measureValueCompleteness'
  | 'measurePersonCompleteness'
  | 'measureObservationPeriodOverlap'
  | 'plausibleValueLow'
  | 'plausibleValueHigh'
  | 'plausibleTemporalAfter'
  | 'plausibleAfterBirth'
  | 'plausibleBeforeDeath'
  | 'plausibleGender'
  | 'isDuplicateRecord';

/** The 12 QUANTUM label dimensions (EHDS.md §14). */
export type Dimension =
  | 'accessibility'
  | 'populationCoverage'
  | 'representativity'
  | 'compliance'
  | 'provenance'
  | 'metadataScope'
  | 'accuracy'
  | 'coherence'
  | 'completeness'
  | 'consistency'
  | 'precision'
  | 'validity';

/** Art. 78(3)(b) technical quality elements a check gives evidence for (timeliness comes from measures). */
export type TechnicalElement = 'completeness' | 'uniqueness' | 'accuracy' | 'validity' | 'consistency';

/**
 * A value bound: a number, an ISO date, or a bound relative to the run's `now`
 * (DQD's `YEAR(GETDATE())+1` and `DATEADD(dd,1,GETDATE())`).
 */
export type Bound = number | { date: string } | { nowPlusDays: number } | { nowYearPlus: number };

/** Parameters a check kind reads; each kind documents which ones it needs in `templates.ts`. */
export interface CheckParams {
  /** Restrict the rows checked to one source code (or code prefixes) of one coding system. */
  sourceValues?: string[];
  sourceValuePrefixes?: string[];
  vocabulary?: string;
  /** plausibleValueLow / plausibleValueHigh. */
  value?: Bound;
  /** isForeignKey: referenced table and field. */
  fkTable?: string;
  fkField?: string;
  /** fkDomain / allowedValues: the values that conform. */
  allowed?: (string | number)[];
  /** sourceValueFormat: a regular expression the code must match. */
  pattern?: string;
  /** codeSpecificity: shortest code (without the dot) that is specific enough. */
  minLength?: number;
  /** plausibleTemporalAfter: the field of the same row that must not be later. */
  afterField?: string;
  /** plausibleBeforeDeath: days after death still tolerated (DQD allows 60 for claims lag). */
  graceDays?: number;
  /** plausibleGender: the gender that is plausible for these codes. */
  gender?: 'Male' | 'Female';
  /** measureValueCompleteness: only rows where this field is filled are checked. */
  whenNotNull?: string;
  /** isDuplicateRecord: the fields that together identify one fact. */
  fields?: string[];
  /** Plausible value ranges by unit: rows with another unit are not checked (a null unit is). */
  units?: string[];
}

/** One check definition: data, not code. */
export interface CheckDefinition {
  id: string;
  category: CheckCategory;
  subcategory: CheckSubcategory;
  kind: CheckKind;
  table: string;
  /** Field checked; null for table-level checks. */
  field: string | null;
  params: CheckParams;
  /** Percentage of rows allowed to fail (DQD convention: 0 = none may fail, 100 = never fails). */
  thresholdPct: number;
  /** Where the threshold comes from: DQD 5.4's threshold files or our own choice. */
  thresholdSource: 'DQD 5.4' | 'OpenEHDS';
  dimension: Dimension;
  description: string;
}

/** The result of one check: counts only, rows never leave the node. */
export interface CheckResult {
  id: string;
  category: CheckCategory;
  subcategory: CheckSubcategory;
  kind: CheckKind;
  dimension: Dimension;
  table: string;
  field: string | null;
  rowsChecked: number;
  rowsFailed: number;
  /** 0–100; 0 when nothing was checked. */
  pctFailed: number;
  threshold: number;
  /** False only when pctFailed exceeds the threshold; a check with no rows checked passes as not applicable. */
  passed: boolean;
  notApplicable: boolean;
  description: string;
}

/** Aggregate measures for coverage (Art. 78(3)(d)) and timeliness (Art. 78(3)(b)). */
export interface DataMeasures {
  persons: number;
  records: number;
  firstEventDate: string | null;
  lastEventDate: string | null;
  spanYears: number;
  /** Mean years a person stays in the data (observation periods), Art. 78(3)(d). */
  meanYearsInData: number | null;
  /** Shares of persons by sex (male, female, other/unknown); shares only, no counts. */
  sexShares: Record<'male' | 'female' | 'other', number>;
  /** Shares of persons by 10-year age band at their last event. */
  ageBandShares: Record<string, number>;
  daysSinceLastEvent: number | null;
  lastIngestAt: string | null;
  daysSinceLastIngest: number | null;
}

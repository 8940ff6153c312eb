/**
 * GA4GH Data Use Ontology (DUO) conditions of a dataset and their match against an application's
 * stated use, as the node and hub APIs return them (EHDS.md §16: DUO for display and matching only;
 * the data permit rules).
 */

/** One DUO condition: the term's CURIE (`DUO:0000006`) and the parameters some terms need. */
export interface DataUseCondition {
  code: string;
  /** DS: the diseases the data may be used for, e.g. `E11`. */
  diseaseCodes?: string[];
  /** GS: ISO 3166-1 alpha-2 countries, or `EU` / `EEA`. */
  countries?: string[];
  /** TS: use allowed until this ISO date; MOR: no publication before it. */
  until?: string;
  /** TS: use allowed for this many months. */
  months?: number;
}

/** How one condition stands against the stated use, and why. */
export interface DataUseFinding {
  /** Shorthand (`NCU`), or the DUO id for terms without one. */
  code: string;
  /** DUO id, e.g. `DUO:0000046`. */
  id: string;
  label: string;
  outcome: 'ok' | 'requires' | 'conflict';
  message: string;
}

/** Verdict over all conditions of one dataset. */
export type DataUseVerdict = 'compatible' | 'conditional' | 'incompatible';

/** One requested dataset's conditions matched against the application (the case file's `dataUse`). */
export interface DatasetDataUse {
  datasetId: string;
  title: string;
  conditions: DataUseCondition[];
  /** Null until the application states an Art. 53(1) purpose. */
  verdict: DataUseVerdict | null;
  findings: DataUseFinding[];
}

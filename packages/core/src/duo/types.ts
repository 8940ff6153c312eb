/**
 * Types for matching a dataset's GA4GH Data Use Ontology (DUO) conditions against the purpose stated
 * in an access application or health data request (EHDS.md §16: DUO for display and matching only;
 * the permit rules).
 */
import type { Purpose } from '../applications/purposes';

/** One DUO term, as a row of EBISPOT/DUO `duo.csv` (id, shorthand, label, description). */
export interface DuoTerm {
  /** CURIE, e.g. `DUO:0000042`. */
  id: string;
  /** e.g. `GRU`; null for the abstract classes (DUO:0000001, DUO:0000017). */
  shorthand: string | null;
  label: string;
  description: string;
}

/** The secondary-use purposes of Art. 53(1)(a)-(f), as the application schema defines them. */
export type DataUsePurpose = Purpose;

/** One data-use condition of a dataset: a DUO term and the parameters some terms need. */
export interface DuoCondition {
  /** DUO id (`DUO:0000007`, also `DUO_0000007` or the OBO IRI) or shorthand (`DS`). */
  code: string;
  /** DS: the diseases the data may be used for (ICD-10, MONDO, …), e.g. `E11`. */
  diseaseCodes?: string[];
  /** GS: ISO 3166-1 alpha-2 countries where use is allowed; `EU` and `EEA` stand for all members. */
  countries?: string[];
  /** TS: use allowed until this date; MOR: no publication before this date. */
  until?: Date;
  /** TS: use allowed for this many months. */
  months?: number;
}

/** What the application says about the intended use. */
export interface DataUse {
  purposes: DataUsePurpose[];
  commercial: boolean;
  /** Diseases studied (same code systems as the DS conditions). */
  diseaseCodes?: string[];
  ethicsApproval: boolean;
  /** ISO 3166-1 alpha-2 country of the data user / processing (the SPE is in the EU, Art. 87). */
  country?: string;
  publicationPlanned?: boolean;
  /** The applicant is a not-for-profit organisation (NPU, NPUNCU); unknown if absent. */
  notForProfitOrganisation?: boolean;
  /** The research studies population origins or ancestry (POA, NPOA, HMB); unknown if absent. */
  ancestryResearch?: boolean;
  /** The use develops general methods, software or algorithms (NMDS); unknown if absent. */
  methodsDevelopment?: boolean;
  /** The applicant agrees to collaborate with the primary investigators (COL). */
  collaborationAgreed?: boolean;
  /** The applicant agrees to return derived or enriched data to the resource (RTN). */
  returnDerivedData?: boolean;
  /** The requested access period (TS). */
  period?: { from: Date; until: Date };
}

/** How one condition stands against the use. */
export type FindingOutcome = 'ok' | 'requires' | 'conflict';

/** The outcome for one condition, with a message that says why and what to do. */
export interface DuoFinding {
  /** The shorthand (e.g. `NCU`), or the DUO id for terms without one. */
  code: string;
  /** The DUO id, e.g. `DUO:0000046`; the code as given if unknown. */
  id: string;
  label: string;
  outcome: FindingOutcome;
  message: string;
}

/** The verdict over all conditions. */
export interface DataUseMatch {
  verdict: 'compatible' | 'conditional' | 'incompatible';
  findings: DuoFinding[];
}

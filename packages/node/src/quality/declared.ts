import { DOCUMENTATION_FIELDS } from './scheme';

/**
 * What the data holder declares about a dataset: what the data itself cannot show. Every field is
 * optional; the label scores what is missing as not provided (0), and says so.
 */
export interface DeclaredInfo {
  /** Art. 78(3)(a): the dataset description (HealthDCAT-AP fields, see `DOCUMENTATION_FIELDS`). */
  description?: Record<string, unknown>;
  /** Art. 78(3)(c): quality-management maturity (0–5, separate maturity model) and whether bias was assessed. */
  qualityManagement?: { maturityLevel?: number; biasAssessed?: boolean };
  /** Art. 78(3)(e): access. */
  access?: {
    collectionToInclusionDays?: number;
    deliveryDaysAfterApproval?: number;
    accessProcedureDocumented?: boolean;
  };
  /** QUANTUM compliance: legal and standards compliance the holder can evidence. */
  compliance?: {
    legalBasisDocumented?: boolean;
    dpiaDone?: boolean;
    recordOfProcessing?: boolean;
    standards?: string[];
  };
  /** QUANTUM provenance: how the data came to be. */
  provenance?: {
    sourceSystemsDescribed?: boolean;
    collectionMethodDescribed?: boolean;
    processingDescribed?: boolean;
  };
  /** Art. 78(3)(f): merges and links with other data. */
  modifications?: { merges?: string[]; links?: string[] };
  /** Art. 78(3)(d): the population the data should represent, to compare the data with. */
  referencePopulation?: {
    size?: number;
    sexShares?: Partial<Record<'male' | 'female' | 'other', number>>;
    /** Shares by 10-year age band ('0-9', …, '90+'), as in the data measures. */
    ageBandShares?: Record<string, number>;
  };
}

/** True when a description value counts as filled (non-empty string, array or object, or any number). */
export function isFilled(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim().length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** Art. 78(3)(a): which documentation fields are filled, and the weighted share filled (null if none given). */
export function documentationCompletion(description: Record<string, unknown> | undefined): {
  score: number | null;
  filled: string[];
  missing: string[];
} {
  const filled: string[] = [];
  const missing: string[] = [];
  let got = 0;
  let total = 0;
  for (const { field, weight } of DOCUMENTATION_FIELDS) {
    total += weight;
    if (description && isFilled(description[field])) {
      filled.push(field);
      got += weight;
    } else missing.push(field);
  }
  return { score: description ? got / total : null, filled, missing };
}

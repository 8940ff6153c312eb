/**
 * Care pathways: encounter types, procedures and vaccines with their SNOMED CT and CVX codes, and
 * the mortality model (Gompertz baseline hazard with hazard ratios for conditions, approximating
 * European life tables and registry survival).
 */
import type { Code, ConditionKey } from './conditions';

/** SNOMED CT encounter types. */
export const ENCOUNTER_TYPES = {
  checkup: { code: '185349003', display: 'Encounter for check up' },
  problem: { code: '185347001', display: 'Encounter for problem' },
  followUp: { code: '390906007', display: 'Follow-up encounter' },
  admission: { code: '32485007', display: 'Hospital admission' },
  emergency: { code: '50849002', display: 'Emergency room admission' },
} as const satisfies Record<string, Code>;

/** HL7 v3 ActCode encounter classes. */
export type EncounterClass = 'AMB' | 'IMP' | 'EMER';

/** SNOMED CT procedures. */
export const PROCEDURES = {
  mastectomy: { code: '172043006', display: 'Simple mastectomy' },
  lumpectomy: { code: '392021009', display: 'Lumpectomy of breast' },
  mammography: { code: '71651007', display: 'Mammography' },
  colonoscopy: { code: '73761001', display: 'Colonoscopy' },
  colectomy: { code: '23968004', display: 'Colectomy' },
  lobectomy: { code: '173171007', display: 'Lobectomy of lung' },
  chemotherapy: { code: '367336001', display: 'Chemotherapy' },
  hemodialysis: { code: '302497006', display: 'Hemodialysis' },
  spirometry: { code: '127783003', display: 'Spirometry' },
  echocardiography: { code: '40701008', display: 'Echocardiography' },
} as const satisfies Record<string, Code>;

/** CVX vaccine codes (CDC), with the SNOMED CT procedure for the act of vaccinating. */
export const VACCINES = {
  influenza: { code: '140', display: 'Influenza, seasonal, injectable, preservative free' },
  covid19: {
    code: '208',
    display: 'SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose',
  },
  hexavalent: { code: '146', display: 'DTaP,IPV,Hib,HepB' },
  mmr: { code: '03', display: 'MMR' },
  hpv: { code: '165', display: 'HPV9' },
  td: { code: '113', display: 'Td (adult) preservative free' },
  pneumococcal: { code: '33', display: 'pneumococcal polysaccharide vaccine, 23 valent' },
} as const satisfies Record<string, Code>;

/** The surgery done at admission after a cancer diagnosis. */
export function cancerSurgery(key: ConditionKey, u: number): Code | undefined {
  if (key === 'breast_cancer') return u < 0.6 ? PROCEDURES.lumpectomy : PROCEDURES.mastectomy;
  if (key === 'colorectal_cancer') return PROCEDURES.colectomy;
  if (key === 'lung_cancer') return u < 0.35 ? PROCEDURES.lobectomy : undefined;
  return undefined;
}

/** The diagnostic procedure done at the diagnosis encounter. */
export function diagnosticProcedure(key: ConditionKey): Code | undefined {
  if (key === 'breast_cancer') return PROCEDURES.mammography;
  if (key === 'colorectal_cancer') return PROCEDURES.colonoscopy;
  if (key === 'copd') return PROCEDURES.spirometry;
  if (key === 'marfan') return PROCEDURES.echocardiography;
  return undefined;
}

// Hazard ratios on all-cause mortality while a condition is active (first value: first 2 years
// after diagnosis for cancers, where most excess deaths happen; second: afterwards).
const HAZARD: Partial<Record<ConditionKey, readonly [number, number]>> = {
  t2d: [1.6, 1.6],
  hypertension: [1.2, 1.2],
  ckd: [2.2, 2.2],
  copd: [2.3, 2.3],
  breast_cancer: [4, 1.3],
  colorectal_cancer: [9, 1.8],
  lung_cancer: [25, 4],
  huntington: [3, 3],
  marfan: [2, 2],
};

/** Yearly probability of death at an age with the conditions active (and years since onset). */
export function deathProbability(
  age: number,
  sex: 'male' | 'female',
  active: { key: ConditionKey; years: number }[],
): number {
  // Gompertz: ≈0.1 % at 40, ≈1 % at 65, ≈6 % at 85 (EU-27 life tables, both sexes).
  let h = Math.exp(-9.9 + 0.088 * age) * (sex === 'male' ? 1.35 : 0.8);
  if (age < 1) h += 0.003; // infant mortality
  let extra = 0;
  for (const c of active) {
    const hr = HAZARD[c.key];
    if (hr) h *= c.years < 2 ? hr[0] : hr[1];
    // CF deaths are mostly from respiratory failure in young adults: an additive hazard.
    if (c.key === 'cystic_fibrosis') extra += age < 18 ? 0.003 : 0.015;
  }
  return Math.min(0.9, 1 - Math.exp(-(h + extra)));
}

/** The active condition most likely to have caused death (largest hazard ratio), if any. */
export function likelyCause(active: { key: ConditionKey; years: number }[]): ConditionKey | undefined {
  let best: ConditionKey | undefined;
  let bestHr = 1.9;
  for (const c of active) {
    const hr = c.key === 'cystic_fibrosis' ? 10 : (HAZARD[c.key]?.[c.years < 2 ? 0 : 1] ?? 1);
    if (hr > bestHr) {
      best = c.key;
      bestHr = hr;
    }
  }
  return best;
}

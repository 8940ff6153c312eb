/**
 * Laboratory tests and vital signs with their LOINC codes and UCUM units, and value models that
 * follow the person's conditions: HbA1c rises with type 2 diabetes, eGFR falls with CKD stage
 * (creatinine is then derived from eGFR by inverting the CKD-EPI 2021 equation, so the two agree),
 * systolic pressure rises with hypertension and falls with treatment, FEV1/FVC < 0.70 in COPD.
 */
import type { ConditionKey } from './conditions';
import type { Sex } from './demography';
import type { Rng } from './random';

/** Keys of the measurements the generator records. */
export type LabKey =
  | 'hba1c'
  | 'glucose'
  | 'creatinine'
  | 'egfr'
  | 'cholesterol'
  | 'hdl'
  | 'bmi'
  | 'weight'
  | 'height'
  | 'sbp'
  | 'dbp'
  | 'fev1fvc';

/** A measurement's LOINC code, display, UCUM unit and FHIR observation category. */
export interface LabDef {
  key: LabKey;
  loinc: string;
  display: string;
  unit: string;
  category: 'laboratory' | 'vital-signs' | 'exam';
  decimals: number;
}

/** The measurement catalogue. */
export const LABS: Record<LabKey, LabDef> = {
  hba1c: {
    key: 'hba1c',
    loinc: '4548-4',
    display: 'Hemoglobin A1c/Hemoglobin.total in Blood',
    unit: '%',
    category: 'laboratory',
    decimals: 1,
  },
  glucose: {
    key: 'glucose',
    loinc: '2345-7',
    display: 'Glucose [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    category: 'laboratory',
    decimals: 0,
  },
  creatinine: {
    key: 'creatinine',
    loinc: '2160-0',
    display: 'Creatinine [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    category: 'laboratory',
    decimals: 2,
  },
  egfr: {
    key: 'egfr',
    loinc: '62238-1',
    display:
      'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)',
    unit: 'mL/min/{1.73_m2}',
    category: 'laboratory',
    decimals: 0,
  },
  cholesterol: {
    key: 'cholesterol',
    loinc: '2093-3',
    display: 'Cholesterol [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    category: 'laboratory',
    decimals: 0,
  },
  hdl: {
    key: 'hdl',
    loinc: '2085-9',
    display: 'Cholesterol in HDL [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    category: 'laboratory',
    decimals: 0,
  },
  bmi: {
    key: 'bmi',
    loinc: '39156-5',
    display: 'Body mass index (BMI) [Ratio]',
    unit: 'kg/m2',
    category: 'vital-signs',
    decimals: 1,
  },
  weight: {
    key: 'weight',
    loinc: '29463-7',
    display: 'Body weight',
    unit: 'kg',
    category: 'vital-signs',
    decimals: 1,
  },
  height: {
    key: 'height',
    loinc: '8302-2',
    display: 'Body height',
    unit: 'cm',
    category: 'vital-signs',
    decimals: 1,
  },
  sbp: {
    key: 'sbp',
    loinc: '8480-6',
    display: 'Systolic blood pressure',
    unit: 'mm[Hg]',
    category: 'vital-signs',
    decimals: 0,
  },
  dbp: {
    key: 'dbp',
    loinc: '8462-4',
    display: 'Diastolic blood pressure',
    unit: 'mm[Hg]',
    category: 'vital-signs',
    decimals: 0,
  },
  fev1fvc: {
    key: 'fev1fvc',
    loinc: '19926-5',
    display: 'FEV1/FVC',
    unit: '%',
    category: 'exam',
    decimals: 0,
  },
};

/** LOINC and SNOMED codes of tobacco smoking status (an Observation with a coded value). */
export const SMOKING_STATUS = {
  loinc: '72166-2',
  display: 'Tobacco smoking status',
  values: {
    never: { code: '266919005', display: 'Never smoked tobacco' },
    former: { code: '8517006', display: 'Ex-smoker' },
    current: { code: '77176002', display: 'Smoker' },
  },
} as const;

/** LOINC code of the laboratory report grouping a visit's laboratory results. */
export const LAB_REPORT = { loinc: '11502-2', display: 'Laboratory report' } as const;

/** The person's state at the time of a measurement. */
export interface LabState {
  sex: Sex;
  age: number;
  bmi: number;
  heightCm: number;
  /** Conditions active at that time. */
  active: ReadonlySet<ConditionKey>;
  ckdStage?: 3 | 4 | 5;
  /** Conditions under drug treatment at that time. */
  treated: ReadonlySet<ConditionKey>;
  /** Statin at that time. */
  statin: boolean;
}

/** Draws a value for one measurement, rounded to the catalogue's decimals. */
export function labValue(rng: Rng, key: LabKey, s: LabState, hba1c?: number, egfr?: number): number {
  return round(rawValue(rng, key, s, hba1c, egfr), LABS[key].decimals);
}

function rawValue(rng: Rng, key: LabKey, s: LabState, hba1c?: number, egfr?: number): number {
  switch (key) {
    case 'hba1c':
      if (s.active.has('t2d')) return clamp(rng.normal(s.treated.has('t2d') ? 7.2 : 8.3, 1.0), 5.9, 14);
      return clamp(rng.normal(5.3 + 0.015 * (s.bmi - 27) + 0.004 * (s.age - 40), 0.3), 4.2, 6.4);
    case 'glucose': {
      // ADAG: estimated average glucose (mg/dL) = 28.7 × HbA1c − 46.7.
      const a1c = hba1c ?? rawValue(rng, 'hba1c', s);
      return clamp(28.7 * a1c - 46.7 + rng.normal(0, 12), 60, 450);
    }
    case 'egfr':
      if (s.active.has('ckd')) {
        const stage = s.ckdStage ?? 3;
        return stage === 3
          ? rng.uniform(30, 59.4)
          : stage === 4
            ? rng.uniform(15, 29.4)
            : rng.uniform(6, 14.4);
      }
      return clamp(rng.normal(128 - 0.85 * Math.max(0, s.age - 20), 11), 62, 135);
    case 'creatinine':
      return clamp(creatinineFromEgfr(egfr ?? rawValue(rng, 'egfr', s), s.age, s.sex), 0.3, 12);
    case 'cholesterol':
      return clamp(rng.normal(195 + 0.3 * Math.min(s.age, 60) - (s.statin ? 45 : 0), 33), 100, 380);
    case 'hdl':
      return clamp(rng.normal((s.sex === 'female' ? 62 : 50) - (s.active.has('t2d') ? 6 : 0), 12), 20, 110);
    case 'bmi':
      return clamp(s.bmi + rng.normal(0, 0.6), 12, 65);
    case 'height':
      return s.heightCm;
    case 'weight':
      return (s.bmi * s.heightCm * s.heightCm) / 10000;
    case 'sbp': {
      const base = s.age < 18 ? 105 + s.age : 116 + 0.45 * Math.max(0, s.age - 30) + 0.5 * (s.bmi - 26);
      if (s.active.has('hypertension'))
        return clamp(rng.normal(s.treated.has('hypertension') ? 136 : 152, 13), 110, 220);
      return clamp(rng.normal(base, 11), 85, 159);
    }
    case 'dbp':
      return clamp(rng.normal(s.active.has('hypertension') ? 88 : 76, 8), 45, 130);
    case 'fev1fvc':
      return s.active.has('copd') ? clamp(rng.normal(57, 8), 30, 69) : clamp(rng.normal(79, 5), 70, 95);
  }
}

/** Serum creatinine (mg/dL) that gives this eGFR by CKD-EPI 2021 (race-free) at age and sex. */
export function creatinineFromEgfr(egfr: number, age: number, sex: Sex): number {
  const female = sex === 'female';
  const kappa = female ? 0.7 : 0.9;
  const alpha = female ? -0.241 : -0.302;
  const k = 142 * Math.pow(0.9938, age) * (female ? 1.012 : 1);
  // Branch Scr > κ: eGFR = k·(Scr/κ)^−1.2; else eGFR = k·(Scr/κ)^α.
  const high = kappa * Math.pow(egfr / k, -1 / 1.2);
  return high > kappa ? high : kappa * Math.pow(egfr / k, 1 / alpha);
}

/** eGFR by CKD-EPI 2021 from serum creatinine (mg/dL), age and sex. */
export function egfrFromCreatinine(scr: number, age: number, sex: Sex): number {
  const female = sex === 'female';
  const kappa = female ? 0.7 : 0.9;
  const alpha = female ? -0.241 : -0.302;
  const r = scr / kappa;
  return (
    142 *
    Math.pow(Math.min(r, 1), alpha) *
    Math.pow(Math.max(r, 1), -1.2) *
    Math.pow(0.9938, age) *
    (female ? 1.012 : 1)
  );
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

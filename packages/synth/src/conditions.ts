/**
 * The condition catalogue: each condition with its SNOMED CT and ICD-10 (WHO) codes, and a
 * prevalence model by age, sex and risk factors. Prevalences are approximate European figures
 * (IDF Diabetes Atlas for type 2 diabetes, ESC/NCD-RisC for hypertension, the CKD-EPI literature
 * for CKD stage 3-5, GOLD for COPD, ECIS/GLOBOCAN 20-year prevalence for cancers, Orphanet for rare
 * diseases). Risk factors act on the odds, which keeps probabilities below 1.
 */
import type { Sex } from './demography';
import type { Rng } from './random';

/** Keys of the conditions the generator knows. */
export type ConditionKey =
  | 'obesity'
  | 't2d'
  | 'hypertension'
  | 'ckd'
  | 'copd'
  | 'breast_cancer'
  | 'colorectal_cancer'
  | 'lung_cancer'
  | 'cystic_fibrosis'
  | 'marfan'
  | 'huntington';

/** A code in a code system. */
export interface Code {
  code: string;
  display: string;
}

/** A condition with its codes; rare diseases also carry OMIM/ORPHA and HPO features. */
export interface ConditionDef {
  key: ConditionKey;
  kind: 'chronic' | 'cancer' | 'rare';
  snomed: Code;
  icd10: Code;
  omim?: Code;
  orpha?: Code;
  /** Typical HPO phenotypic features (for phenopackets). */
  hpo?: readonly Code[];
}

/** Case-mix profiles: which conditions a data holder's population is enriched for. */
export type SynthProfile = 'general' | 'biobank' | 'cancer-registry' | 'hospital';

/** The profiles the generator accepts. */
export const PROFILES: readonly SynthProfile[] = ['general', 'biobank', 'cancer-registry', 'hospital'];

/** The catalogue, in the order conditions are drawn (risk factors come first). */
export const CONDITIONS: Record<ConditionKey, ConditionDef> = {
  obesity: {
    key: 'obesity',
    kind: 'chronic',
    snomed: { code: '414916001', display: 'Obesity' },
    icd10: { code: 'E66.9', display: 'Obesity, unspecified' },
  },
  t2d: {
    key: 't2d',
    kind: 'chronic',
    snomed: { code: '44054006', display: 'Diabetes mellitus type 2' },
    icd10: { code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
  },
  hypertension: {
    key: 'hypertension',
    kind: 'chronic',
    snomed: { code: '38341003', display: 'Hypertensive disorder, systemic arterial' },
    icd10: { code: 'I10', display: 'Essential (primary) hypertension' },
  },
  ckd: {
    key: 'ckd',
    kind: 'chronic',
    snomed: { code: '433144002', display: 'Chronic kidney disease stage 3' },
    icd10: { code: 'N18.3', display: 'Chronic kidney disease, stage 3' },
  },
  copd: {
    key: 'copd',
    kind: 'chronic',
    snomed: { code: '13645005', display: 'Chronic obstructive lung disease' },
    icd10: { code: 'J44.9', display: 'Chronic obstructive pulmonary disease, unspecified' },
  },
  breast_cancer: {
    key: 'breast_cancer',
    kind: 'cancer',
    snomed: { code: '254837009', display: 'Malignant neoplasm of breast' },
    icd10: { code: 'C50.9', display: 'Malignant neoplasm of breast, unspecified' },
  },
  colorectal_cancer: {
    key: 'colorectal_cancer',
    kind: 'cancer',
    snomed: { code: '363406005', display: 'Malignant neoplasm of colon' },
    icd10: { code: 'C18.9', display: 'Malignant neoplasm of colon, unspecified' },
  },
  lung_cancer: {
    key: 'lung_cancer',
    kind: 'cancer',
    snomed: { code: '93880001', display: 'Primary malignant neoplasm of lung' },
    icd10: { code: 'C34.9', display: 'Malignant neoplasm of bronchus or lung, unspecified' },
  },
  cystic_fibrosis: {
    key: 'cystic_fibrosis',
    kind: 'rare',
    snomed: { code: '190905008', display: 'Cystic fibrosis' },
    icd10: { code: 'E84.9', display: 'Cystic fibrosis, unspecified' },
    omim: { code: 'OMIM:219700', display: 'Cystic fibrosis' },
    orpha: { code: 'ORPHA:586', display: 'Cystic fibrosis' },
    hpo: [
      { code: 'HP:0002110', display: 'Bronchiectasis' },
      { code: 'HP:0001738', display: 'Exocrine pancreatic insufficiency' },
      { code: 'HP:0002205', display: 'Recurrent respiratory infections' },
      { code: 'HP:0001508', display: 'Failure to thrive' },
      { code: 'HP:0004401', display: 'Meconium ileus' },
      { code: 'HP:0002024', display: 'Malabsorption' },
    ],
  },
  marfan: {
    key: 'marfan',
    kind: 'rare',
    snomed: { code: '19346006', display: 'Marfan syndrome' },
    icd10: { code: 'Q87.4', display: 'Marfan syndrome' },
    omim: { code: 'OMIM:154700', display: 'Marfan syndrome' },
    orpha: { code: 'ORPHA:558', display: 'Marfan syndrome' },
    hpo: [
      { code: 'HP:0001166', display: 'Arachnodactyly' },
      { code: 'HP:0001083', display: 'Ectopia lentis' },
      { code: 'HP:0002616', display: 'Aortic root aneurysm' },
      { code: 'HP:0001519', display: 'Disproportionate tall stature' },
      { code: 'HP:0000767', display: 'Pectus excavatum' },
      { code: 'HP:0000545', display: 'Myopia' },
    ],
  },
  huntington: {
    key: 'huntington',
    kind: 'rare',
    snomed: { code: '58756001', display: "Huntington's chorea" },
    icd10: { code: 'G10', display: "Huntington's disease" },
    omim: { code: 'OMIM:143100', display: 'Huntington disease' },
    orpha: { code: 'ORPHA:399', display: 'Huntington disease' },
    hpo: [
      { code: 'HP:0002072', display: 'Chorea' },
      { code: 'HP:0000726', display: 'Dementia' },
      { code: 'HP:0000716', display: 'Depression' },
      { code: 'HP:0002354', display: 'Memory impairment' },
      { code: 'HP:0002015', display: 'Dysphagia' },
    ],
  },
};

/** SNOMED CT and ICD-10 codes of CKD by stage (3, 4, 5). */
export const CKD_STAGE_CODES: Record<3 | 4 | 5, { snomed: Code; icd10: Code }> = {
  3: CONDITIONS.ckd,
  4: {
    snomed: { code: '431856006', display: 'Chronic kidney disease stage 4' },
    icd10: { code: 'N18.4', display: 'Chronic kidney disease, stage 4' },
  },
  5: {
    snomed: { code: '433146000', display: 'Chronic kidney disease stage 5' },
    icd10: { code: 'N18.5', display: 'Chronic kidney disease, stage 5' },
  },
};

/** What the prevalence model needs to know about a person. */
export interface RiskProfile {
  sex: Sex;
  /** Age in years at the end of observation (or death). */
  age: number;
  country: string;
  bmi: number;
  smoking: 'never' | 'former' | 'current';
  brca1: boolean;
  brca2: boolean;
  /** Count of TCF7L2 rs7903146 risk alleles (odds ratio ≈1.4 per allele for type 2 diabetes). */
  tcf7l2?: number;
}

/** A condition the person has, with onset age in years. */
export interface DrawnCondition {
  key: ConditionKey;
  onsetAge: number;
  /** CKD stage (3-5) when key is 'ckd'. */
  stage?: 3 | 4 | 5;
}

type Curve = readonly (readonly [number, number])[];

// Prevalence (probability of having the condition at that age), interpolated linearly.
const CURVES: Record<Exclude<ConditionKey, 'obesity'>, Curve> = {
  t2d: [
    [0, 0],
    [20, 0.003],
    [30, 0.01],
    [40, 0.025],
    [50, 0.06],
    [60, 0.11],
    [70, 0.16],
    [80, 0.19],
    [100, 0.18],
  ],
  hypertension: [
    [0, 0],
    [18, 0.02],
    [30, 0.06],
    [40, 0.14],
    [50, 0.27],
    [60, 0.42],
    [70, 0.55],
    [80, 0.65],
    [100, 0.68],
  ],
  ckd: [
    [0, 0.0005],
    [30, 0.004],
    [40, 0.01],
    [50, 0.02],
    [60, 0.045],
    [70, 0.1],
    [80, 0.22],
    [100, 0.32],
  ],
  copd: [
    [0, 0],
    [35, 0],
    [40, 0.006],
    [50, 0.02],
    [60, 0.05],
    [70, 0.08],
    [80, 0.1],
    [100, 0.1],
  ],
  breast_cancer: [
    [0, 0],
    [25, 0],
    [30, 0.0005],
    [40, 0.004],
    [50, 0.012],
    [60, 0.025],
    [70, 0.04],
    [80, 0.05],
    [100, 0.05],
  ],
  colorectal_cancer: [
    [0, 0],
    [30, 0],
    [40, 0.001],
    [50, 0.003],
    [60, 0.008],
    [70, 0.015],
    [80, 0.022],
    [100, 0.022],
  ],
  lung_cancer: [
    [0, 0],
    [35, 0],
    [40, 0.0003],
    [50, 0.001],
    [60, 0.003],
    [70, 0.006],
    [80, 0.007],
    [100, 0.006],
  ],
  cystic_fibrosis: [
    [0, 0.00028],
    [30, 0.00028],
    [45, 0.00015],
    [60, 0.00004],
    [70, 0],
    [100, 0],
  ],
  marfan: [
    [0, 0.0001],
    [10, 0.0002],
    [60, 0.0002],
    [80, 0.0001],
    [100, 0.00005],
  ],
  huntington: [
    [0, 0],
    [25, 0],
    [35, 0.00008],
    [45, 0.00014],
    [70, 0.00015],
    [85, 0.00005],
    [100, 0],
  ],
};

// Earliest onset (years) and how the onset age is drawn up to the current age.
const ONSET_MIN: Record<ConditionKey, number> = {
  obesity: 18,
  t2d: 25,
  hypertension: 18,
  ckd: 30,
  copd: 40,
  breast_cancer: 28,
  colorectal_cancer: 35,
  lung_cancer: 40,
  cystic_fibrosis: 0,
  marfan: 4,
  huntington: 30,
};

// Country effects on the odds where they are well known (Finland's rare-disease heritage: CF
// and Huntington disease are much rarer there; Spain's lower COPD and higher T2D).
const COUNTRY_ODDS: Partial<Record<string, Partial<Record<ConditionKey, number>>>> = {
  FI: { cystic_fibrosis: 0.12, huntington: 0.2 },
  ES: { copd: 0.85, t2d: 1.2 },
  DE: { hypertension: 1.1 },
};

const PROFILE_ODDS: Record<SynthProfile, Partial<Record<'chronic' | 'cancer' | 'rare', number>>> = {
  general: {},
  biobank: { rare: 3 },
  'cancer-registry': { cancer: 40 },
  hospital: { chronic: 2.5, cancer: 3, rare: 30 },
};

/** Applies an odds ratio to a probability. */
export function withOdds(p: number, oddsRatio: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const odds = (p / (1 - p)) * oddsRatio;
  return odds / (1 + odds);
}

/** Interpolated prevalence of a condition at an age, before risk factors. */
export function basePrevalence(key: Exclude<ConditionKey, 'obesity'>, age: number): number {
  const curve = CURVES[key];
  let prev = curve[0] as readonly [number, number];
  for (const point of curve) {
    if (age <= point[0]) {
      const span = point[0] - prev[0];
      return span <= 0 ? point[1] : prev[1] + ((point[1] - prev[1]) * (age - prev[0])) / span;
    }
    prev = point;
  }
  return prev[1];
}

/** Probability that this person has the condition, given conditions already drawn. */
export function conditionProbability(
  key: Exclude<ConditionKey, 'obesity'>,
  r: RiskProfile,
  has: ReadonlySet<ConditionKey>,
  profile: SynthProfile,
): number {
  let odds = 1;
  const male = r.sex === 'male';
  const smoke = r.smoking === 'current' ? 2.6 : r.smoking === 'former' ? 1.5 : 0.35;
  switch (key) {
    case 't2d':
      odds *= (male ? 1.25 : 0.8) * Math.exp(0.1 * (r.bmi - 27)) * Math.pow(1.4, (r.tcf7l2 ?? 0.6) - 0.6);
      break;
    case 'hypertension':
      odds *= (male ? 1.15 : 0.9) * Math.exp(0.07 * (r.bmi - 27)) * (has.has('t2d') ? 2 : 1);
      break;
    case 'ckd':
      odds *= (male ? 0.9 : 1.1) * (has.has('t2d') ? 2.5 : 1) * (has.has('hypertension') ? 2 : 0.7);
      break;
    case 'copd':
      odds *= smoke * (male ? 1.2 : 0.85);
      break;
    case 'breast_cancer':
      odds *= (male ? 0.01 : 1) * (r.brca1 ? 15 : 1) * (r.brca2 ? 10 : 1);
      break;
    case 'colorectal_cancer':
      odds *= (male ? 1.3 : 0.75) * (has.has('t2d') ? 1.3 : 1) * Math.exp(0.03 * (r.bmi - 27));
      break;
    case 'lung_cancer':
      odds *=
        (r.smoking === 'current' ? 3.5 : r.smoking === 'former' ? 1.6 : 0.2) * (has.has('copd') ? 2 : 1);
      break;
    default:
      break;
  }
  odds *= COUNTRY_ODDS[r.country]?.[key] ?? 1;
  odds *= PROFILE_ODDS[profile][CONDITIONS[key].kind] ?? 1;
  return withOdds(basePrevalence(key, r.age), odds);
}

const ORDER: readonly Exclude<ConditionKey, 'obesity'>[] = [
  't2d',
  'hypertension',
  'ckd',
  'copd',
  'breast_cancer',
  'colorectal_cancer',
  'lung_cancer',
  'cystic_fibrosis',
  'marfan',
  'huntington',
];

/** Draws the conditions a person has by the end of observation, with onset ages. */
export function drawConditions(rng: Rng, r: RiskProfile, profile: SynthProfile): DrawnCondition[] {
  const out: DrawnCondition[] = [];
  const has = new Set<ConditionKey>();
  // Obesity follows measured BMI; about 70 % of obese adults carry the diagnosis.
  if (r.age >= 18 && r.bmi >= 30 && rng.chance(0.7)) {
    out.push({ key: 'obesity', onsetAge: onset(rng, 'obesity', r.age) });
    has.add('obesity');
  }
  for (const key of ORDER) {
    // Draw unconditionally so each condition consumes the same random numbers for every person.
    const u = rng.next();
    if (u >= conditionProbability(key, r, has, profile)) continue;
    const c: DrawnCondition = { key, onsetAge: onset(rng, key, r.age) };
    if (key === 'ckd')
      c.stage = ([3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 5] as const)[rng.int(20)];
    out.push(c);
    has.add(key);
  }
  return out;
}

function onset(rng: Rng, key: ConditionKey, age: number): number {
  if (key === 'cystic_fibrosis') return Math.min(age, rng.uniform(0, 1.5));
  const lo = Math.min(ONSET_MIN[key], age);
  // sqrt skews onset towards later ages, as incidence rises with age for most of these.
  return lo + (age - lo) * Math.sqrt(rng.next());
}

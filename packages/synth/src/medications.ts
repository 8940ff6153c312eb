/**
 * Medications with WHO ATC codes, chosen per condition the way European guidelines start therapy:
 * metformin first for type 2 diabetes (ADA/EASD), an ACE inhibitor or ARB for hypertension and CKD
 * (ESC/ESH, KDIGO), long-acting bronchodilators for COPD (GOLD), endocrine therapy by menopausal
 * age for breast cancer, fluoropyrimidine + oxaliplatin for colorectal, platinum doublet or
 * pembrolizumab for lung cancer, CFTR modulators and dornase alfa for CF.
 */
import type { Code, ConditionKey } from './conditions';
import type { Rng } from './random';

/** The FHIR system URI of the WHO ATC classification. */
export const ATC_SYSTEM = 'http://www.whocc.no/atc';

/** A drug as prescribed: ATC code and how long one course lasts (undefined: long-term). */
export interface DrugChoice {
  atc: Code;
  /** Days of a course; undefined for long-term therapy renewed yearly. */
  courseDays?: number;
}

const D = (code: string, display: string, courseDays?: number): DrugChoice => ({
  atc: { code, display },
  ...(courseDays ? { courseDays } : {}),
});

/** Commonly used drugs, by name, for tests and readers. */
export const DRUGS = {
  metformin: D('A10BA02', 'metformin'),
  empagliflozin: D('A10BK03', 'empagliflozin'),
  sitagliptin: D('A10BH01', 'sitagliptin'),
  insulinGlargine: D('A10AE04', 'insulin glargine'),
  atorvastatin: D('C10AA05', 'atorvastatin'),
  simvastatin: D('C10AA01', 'simvastatin'),
  ramipril: D('C09AA05', 'ramipril'),
  lisinopril: D('C09AA03', 'lisinopril'),
  losartan: D('C09CA01', 'losartan'),
  candesartan: D('C09CA06', 'candesartan'),
  amlodipine: D('C08CA01', 'amlodipine'),
  hydrochlorothiazide: D('C03AA03', 'hydrochlorothiazide'),
  tiotropium: D('R03BB04', 'tiotropium bromide'),
  salbutamol: D('R03AC02', 'salbutamol'),
  budesonideFormoterol: D('R03AK07', 'formoterol and budesonide'),
  tamoxifen: D('L02BA01', 'tamoxifen', 1825),
  letrozole: D('L02BG04', 'letrozole', 1825),
  cyclophosphamide: D('L01AA01', 'cyclophosphamide', 120),
  paclitaxel: D('L01CD01', 'paclitaxel', 90),
  capecitabine: D('L01BC06', 'capecitabine', 180),
  oxaliplatin: D('L01XA03', 'oxaliplatin', 180),
  carboplatin: D('L01XA02', 'carboplatin', 90),
  pemetrexed: D('L01BA04', 'pemetrexed', 90),
  pembrolizumab: D('L01FF02', 'pembrolizumab', 730),
  dornaseAlfa: D('R05CB13', 'dornase alfa (desoxyribonuclease)'),
  pancreatin: D('A09AA02', 'multienzymes (lipase, protease etc.)'),
  elexacaftorTezacaftorIvacaftor: D('R07AX32', 'ivacaftor, tezacaftor and elexacaftor'),
  atenolol: D('C07AB03', 'atenolol'),
  tetrabenazine: D('N07XX06', 'tetrabenazine'),
} as const satisfies Record<string, DrugChoice>;

/** Statins, recognised when deciding whether lipids are treated. */
export const STATIN_CODES: ReadonlySet<string> = new Set([
  DRUGS.atorvastatin.atc.code,
  DRUGS.simvastatin.atc.code,
]);

/** Drugs started when a condition is diagnosed, given age at diagnosis and drugs already taken. */
export function drugsFor(
  rng: Rng,
  key: ConditionKey,
  age: number,
  current: ReadonlySet<string>,
): DrugChoice[] {
  const out: DrugChoice[] = [];
  const add = (d: DrugChoice): void => {
    if (!current.has(d.atc.code) && !out.includes(d)) out.push(d);
  };
  const raasBlocker = (): DrugChoice =>
    rng.pick([DRUGS.ramipril, DRUGS.lisinopril, DRUGS.losartan, DRUGS.candesartan]);
  const hasRaas = [DRUGS.ramipril, DRUGS.lisinopril, DRUGS.losartan, DRUGS.candesartan].some((d) =>
    current.has(d.atc.code),
  );
  switch (key) {
    case 't2d':
      if (rng.chance(0.92)) add(DRUGS.metformin);
      if (rng.chance(0.3)) add(rng.chance(0.6) ? DRUGS.empagliflozin : DRUGS.sitagliptin);
      if (rng.chance(0.08)) add(DRUGS.insulinGlargine);
      if (age >= 40 && rng.chance(0.6)) add(DRUGS.atorvastatin);
      break;
    case 'hypertension':
      if (rng.chance(0.85) && !hasRaas) add(raasBlocker());
      if (rng.chance(0.35)) add(DRUGS.amlodipine);
      if (rng.chance(0.2)) add(DRUGS.hydrochlorothiazide);
      break;
    case 'ckd':
      if (!hasRaas && rng.chance(0.7)) add(raasBlocker());
      if (rng.chance(0.5)) add(rng.chance(0.5) ? DRUGS.atorvastatin : DRUGS.simvastatin);
      break;
    case 'copd':
      add(DRUGS.salbutamol);
      if (rng.chance(0.7)) add(DRUGS.tiotropium);
      if (rng.chance(0.3)) add(DRUGS.budesonideFormoterol);
      break;
    case 'breast_cancer':
      add(age < 50 ? DRUGS.tamoxifen : DRUGS.letrozole);
      if (rng.chance(0.45)) {
        add(DRUGS.cyclophosphamide);
        add(DRUGS.paclitaxel);
      }
      break;
    case 'colorectal_cancer':
      if (rng.chance(0.6)) {
        add(DRUGS.capecitabine);
        add(DRUGS.oxaliplatin);
      }
      break;
    case 'lung_cancer':
      if (rng.chance(0.4)) add(DRUGS.pembrolizumab);
      else {
        add(DRUGS.carboplatin);
        add(DRUGS.pemetrexed);
      }
      break;
    case 'cystic_fibrosis':
      add(DRUGS.pancreatin);
      add(DRUGS.dornaseAlfa);
      if (age >= 6 && rng.chance(0.8)) add(DRUGS.elexacaftorTezacaftorIvacaftor);
      break;
    case 'marfan':
      add(rng.chance(0.6) ? DRUGS.losartan : DRUGS.atenolol);
      break;
    case 'huntington':
      if (rng.chance(0.6)) add(DRUGS.tetrabenazine);
      break;
    case 'obesity':
      break;
  }
  return out;
}

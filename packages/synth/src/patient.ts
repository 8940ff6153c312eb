/**
 * One synthetic person as a plain model: demographics, risk factors, germline, conditions with
 * onset, death, and (from timeline.ts) encounters with what happened at each. Every draw comes from
 * streams seeded by (seed, country, index), so a person is the same whatever the output format, and
 * identity fields come from a stream that ignores the case-mix profile.
 */
import { drawConditions, type ConditionKey, type SynthProfile } from './conditions';
import type { Code } from './conditions';
import type { EncounterClass } from './care';
import { deathProbability, likelyCause } from './care';
import { drawAgeSex, drawName, type Sex } from './demography';
import { drawGenotypes, drawGermline, type Germline } from './genome';
import type { LabKey } from './labs';
import { createRng, hashSeed } from './random';
import { buildTimeline } from './timeline';
import { YEAR_DAYS, ageAt } from './time';

/** What every person of one run shares. */
export interface PopulationContext {
  seed: number;
  country: string;
  profile: SynthProfile;
  /** Last day of observation (day number). */
  endDay: number;
  /** Years of observation before endDay. */
  years: number;
}

/** A condition as recorded for the person. */
export interface PatientCondition {
  id: string;
  key: ConditionKey;
  onsetDay: number;
  stage?: 3 | 4 | 5;
  /** Index of the encounter where it was first recorded (undefined if never seen in the window). */
  encounter?: number;
}

/** One contact with the health system. */
export interface PatientEncounter {
  id: string;
  cls: EncounterClass;
  type: Code;
  start: number;
  end: number;
  reason?: ConditionKey;
}

/** A measurement; `code` is set for coded values (smoking status), `value` otherwise. */
export interface PatientObservation {
  id: string;
  encounter: number;
  key: LabKey | 'smoking';
  time: number;
  value: number;
  code?: Code;
}

/** A prescription (MedicationRequest) and, when `statement`, the use it started. */
export interface PatientMedication {
  id: string;
  encounter: number;
  atc: Code;
  reason: ConditionKey;
  time: number;
  startDay: number;
  /** End of supply: start + course, or a year for long-term therapy. */
  endDay: number;
  /** True for the first prescription of a drug: a MedicationStatement covers its whole use. */
  statement?: { id: string; endDay?: number };
}

/** A procedure done at an encounter. */
export interface PatientProcedure {
  id: string;
  encounter: number;
  code: Code;
  time: number;
  reason?: ConditionKey;
}

/** A vaccination given at an encounter. */
export interface PatientImmunization {
  id: string;
  encounter: number;
  cvx: Code;
  time: number;
}

/** A laboratory report grouping observations of one encounter. */
export interface PatientReport {
  id: string;
  encounter: number;
  time: number;
  results: number[];
}

/** One synthetic person. */
export interface SynthPatient {
  index: number;
  /** Cross-format person identifier, e.g. FI-S42-0000123. */
  identifier: string;
  id: string;
  country: string;
  sex: Sex;
  given: string;
  family: string;
  birthDay: number;
  obsStart: number;
  obsEnd: number;
  deathDay?: number;
  deathCause?: ConditionKey;
  smoking: 'never' | 'former' | 'current';
  heightCm: number;
  bmi: number;
  germline: Germline;
  conditions: PatientCondition[];
  encounters: PatientEncounter[];
  observations: PatientObservation[];
  medications: PatientMedication[];
  procedures: PatientProcedure[];
  immunizations: PatientImmunization[];
  reports: PatientReport[];
  /** Alternate-allele counts over the genomic panel, for persons in the genomic sub-cohort. */
  genotypes?: Uint8Array;
}

/** The person identifier shared by every output format. */
export function personIdentifier(country: string, seed: number, index: number): string {
  return `${country}-S${seed}-${String(index).padStart(7, '0')}`;
}

const SMOKING_CURRENT: Record<string, number> = { FI: 0.14, ES: 0.22, DE: 0.21, FR: 0.25, IT: 0.2 };
const ADULT_HEIGHT: Record<string, [number, number]> = {
  FI: [180, 166],
  ES: [175, 162],
  DE: [180, 166],
  FR: [176, 163],
  IT: [176, 163],
};

/** Builds person number `index` (1-based) of the population. */
export function createPatient(ctx: PopulationContext, index: number): SynthPatient {
  const demo = createRng(hashSeed(ctx.seed, ctx.country, index, 'person'));
  const clin = createRng(hashSeed(ctx.seed, ctx.country, index, ctx.profile, 'clinical'));
  const { sex, age } = drawAgeSex(demo, ctx.country);
  const { given, family } = drawName(demo, ctx.country, sex);
  const birthDay = ctx.endDay - Math.round(age * YEAR_DAYS);
  const [hm, hf] = ADULT_HEIGHT[ctx.country] ?? [178, 165];
  const adultHeight = demo.normal(sex === 'male' ? hm : hf, sex === 'male' ? 7 : 6);
  const heightCm = age >= 18 ? adultHeight : 50 + (adultHeight - 50) * Math.pow(Math.max(age, 0) / 18, 0.75);
  const bmi =
    age >= 18
      ? Math.min(55, Math.max(16, demo.normal(25.8 + 0.06 * (Math.min(age, 70) - 45), 4.3)))
      : Math.max(13, demo.normal(15.5 + 0.35 * Math.max(0, age - 6), 2));
  const u = demo.next();
  const current = SMOKING_CURRENT[ctx.country] ?? 0.2;
  const smoking = age < 16 ? 'never' : u < current ? 'current' : u < current + 0.26 ? 'former' : 'never';
  const germline = drawGermline(demo, ctx.country);
  const id = demo.uuid();

  const drawn = drawConditions(
    clin,
    {
      sex,
      age,
      country: ctx.country,
      bmi,
      smoking,
      brca1: germline.brca1 !== undefined,
      brca2: germline.brca2,
      tcf7l2: germline.tcf7l2,
    },
    ctx.profile,
  );
  let conditions: PatientCondition[] = drawn.map((c) => ({
    id: clin.uuid(),
    key: c.key,
    onsetDay: Math.min(ctx.endDay, birthDay + Math.round(c.onsetAge * YEAR_DAYS)),
    ...(c.stage ? { stage: c.stage } : {}),
  }));

  const obsStart = Math.max(birthDay, ctx.endDay - Math.round(ctx.years * YEAR_DAYS));
  const death = drawDeath(clin, sex, birthDay, obsStart, ctx.endDay, conditions);
  if (death) conditions = conditions.filter((c) => c.onsetDay <= death.day);
  const obsEnd = death?.day ?? ctx.endDay;

  const patient: SynthPatient = {
    index,
    identifier: personIdentifier(ctx.country, ctx.seed, index),
    id,
    country: ctx.country,
    sex,
    given,
    family,
    birthDay,
    obsStart,
    obsEnd,
    ...(death ? { deathDay: death.day, ...(death.cause ? { deathCause: death.cause } : {}) } : {}),
    smoking,
    heightCm,
    bmi,
    germline,
    conditions,
    encounters: [],
    observations: [],
    medications: [],
    procedures: [],
    immunizations: [],
    reports: [],
  };
  buildTimeline(clin, patient, ctx.profile);

  if (clin.chance(genomicShare(ctx.profile, conditions))) {
    const genome = createRng(hashSeed(ctx.seed, ctx.country, index, 'genome'));
    patient.genotypes = drawGenotypes(
      genome,
      ctx.country,
      germline,
      conditions.some((c) => c.key === 'cystic_fibrosis'),
    );
  }
  return patient;
}

/** Share of persons in the genomic sub-cohort: a biobank sequences most; others mainly cases. */
function genomicShare(profile: SynthProfile, conditions: PatientCondition[]): number {
  const has = (k: ConditionKey): boolean => conditions.some((c) => c.key === k);
  if (profile === 'biobank') return 0.6;
  if (has('breast_cancer')) return 0.8;
  if (has('cystic_fibrosis') || has('marfan')) return 0.9;
  return profile === 'hospital' ? 0.2 : 0.1;
}

function drawDeath(
  rng: ReturnType<typeof createRng>,
  sex: Sex,
  birthDay: number,
  from: number,
  to: number,
  conditions: PatientCondition[],
): { day: number; cause?: ConditionKey } | undefined {
  for (let day = from; day < to; day += 365) {
    const span = Math.min(365, to - day);
    const active = conditions
      .filter((c) => c.onsetDay <= day)
      .map((c) => ({ key: c.key, years: (day - c.onsetDay) / YEAR_DAYS }));
    const p = deathProbability(ageAt(birthDay, day), sex, active) * (span / 365);
    if (rng.next() < p) {
      const deathDay = day + rng.int(span);
      const cause = likelyCause(active);
      return { day: deathDay, ...(cause ? { cause } : {}) };
    }
  }
  return undefined;
}

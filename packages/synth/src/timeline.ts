/**
 * A person's care over the observation window: routine and problem visits whose frequency grows
 * with age and comorbidity, a diagnosis visit at each onset, surgery admissions after cancer
 * diagnoses, and at each visit the measurements, prescriptions, procedures and vaccines that
 * guidelines and the person's state call for.
 */
import type { ConditionKey, SynthProfile } from './conditions';
import {
  ENCOUNTER_TYPES,
  PROCEDURES,
  VACCINES,
  cancerSurgery,
  diagnosticProcedure,
  type EncounterClass,
} from './care';
import type { Code } from './conditions';
import { LABS, SMOKING_STATUS, labValue, type LabKey, type LabState } from './labs';
import { STATIN_CODES, drugsFor } from './medications';
import type { PatientEncounter, SynthPatient } from './patient';
import type { Rng } from './random';
import { DAY_MS, ageAt, yearOf } from './time';

interface Plan {
  day: number;
  cls: EncounterClass;
  type: Code;
  kind: 'routine' | 'diagnosis' | 'surgery' | 'treatment';
  reason?: ConditionKey;
  stayDays?: number;
}

const CHRONIC: ReadonlySet<ConditionKey> = new Set([
  't2d',
  'hypertension',
  'ckd',
  'copd',
  'cystic_fibrosis',
  'huntington',
]);

/** Fills the person's encounters and everything recorded at them. */
export function buildTimeline(rng: Rng, p: SynthPatient, profile: SynthProfile): void {
  const plans = planEncounters(rng, p, profile);
  const recorded = new Set<string>();
  const current = new Map<string, number>(); // long-term drug code → index of its first prescription
  const treated = new Set<ConditionKey>();
  const given = new Map<string, number>(); // vaccine code → last day given
  let lastYear = -1;
  let lastMammo = -1e9;

  plans.forEach((plan, e) => {
    const start = plan.day * DAY_MS + (7 * 60 + rng.int(10 * 60)) * 60_000;
    const minutes =
      plan.cls === 'IMP'
        ? (plan.stayDays ?? 3) * 1440
        : plan.cls === 'EMER'
          ? 120 + rng.int(300)
          : 15 + rng.int(30);
    const enc: PatientEncounter = {
      id: rng.uuid(),
      cls: plan.cls,
      type: plan.type,
      start,
      end: start + minutes * 60_000,
      ...(plan.reason ? { reason: plan.reason } : {}),
    };
    p.encounters.push(enc);
    const age = ageAt(p.birthDay, plan.day);
    const firstOfYear = yearOf(plan.day) !== lastYear;
    lastYear = yearOf(plan.day);
    const active = new Set<ConditionKey>();
    let ckdStage: 3 | 4 | 5 | undefined;
    for (const c of p.conditions) {
      if (c.onsetDay > plan.day) continue;
      active.add(c.key);
      if (c.key === 'ckd') ckdStage = c.stage;
      if (recorded.has(c.id)) continue;
      // First sight of the condition in the window: record it and start treatment.
      recorded.add(c.id);
      c.encounter = e;
      const drugs = drugsFor(rng, c.key, age, new Set(current.keys()));
      for (const d of drugs) {
        const longTerm = d.courseDays === undefined;
        const endDay = Math.min(p.obsEnd, plan.day + (d.courseDays ?? 365));
        const idx = p.medications.length;
        p.medications.push({
          id: rng.uuid(),
          encounter: e,
          atc: d.atc,
          reason: c.key,
          time: start,
          startDay: plan.day,
          endDay,
          statement: { id: rng.uuid(), ...(longTerm ? {} : { endDay }) },
        });
        if (longTerm) current.set(d.atc.code, idx);
      }
      if (drugs.length) treated.add(c.key);
      const dx = diagnosticProcedure(c.key);
      if (dx && plan.kind === 'diagnosis' && plan.reason === c.key) {
        p.procedures.push({ id: rng.uuid(), encounter: e, code: dx, time: start, reason: c.key });
        if (c.key === 'breast_cancer') lastMammo = plan.day;
      }
    }

    // Yearly renewal of long-term prescriptions at the first visit of a calendar year.
    if (firstOfYear && plan.kind === 'routine') {
      for (const idx of current.values()) {
        const first = p.medications[idx];
        if (!first || first.startDay === plan.day) continue;
        p.medications.push({
          id: rng.uuid(),
          encounter: e,
          atc: first.atc,
          reason: first.reason,
          time: start,
          startDay: plan.day,
          endDay: Math.min(p.obsEnd, plan.day + 365),
        });
      }
    }

    if (plan.kind === 'surgery' && plan.reason) {
      const proc = cancerSurgery(plan.reason, rng.next());
      if (proc)
        p.procedures.push({
          id: rng.uuid(),
          encounter: e,
          code: proc,
          time: start + 3_600_000,
          reason: plan.reason,
        });
    }
    if (plan.kind === 'treatment' && plan.reason) {
      p.procedures.push({
        id: rng.uuid(),
        encounter: e,
        code: PROCEDURES.chemotherapy,
        time: start,
        reason: plan.reason,
      });
    }
    if (ckdStage === 5 && rng.chance(0.5)) {
      p.procedures.push({
        id: rng.uuid(),
        encounter: e,
        code: PROCEDURES.hemodialysis,
        time: start,
        reason: 'ckd',
      });
    }
    if (
      plan.kind === 'routine' &&
      p.sex === 'female' &&
      age >= 50 &&
      age < 70 &&
      plan.day - lastMammo > 700 &&
      rng.chance(0.5)
    ) {
      p.procedures.push({ id: rng.uuid(), encounter: e, code: PROCEDURES.mammography, time: start });
      lastMammo = plan.day;
    }
    if (plan.kind === 'routine' && age >= 50 && age < 75 && rng.chance(0.03)) {
      p.procedures.push({ id: rng.uuid(), encounter: e, code: PROCEDURES.colonoscopy, time: start });
    }

    const statin = [...current.keys()].some((code) => STATIN_CODES.has(code));
    const state: LabState = {
      sex: p.sex,
      age,
      bmi: p.bmi,
      heightCm: heightAt(p, age),
      active,
      treated,
      statin,
      ...(ckdStage ? { ckdStage } : {}),
    };
    measure(rng, p, e, start, plan, state, firstOfYear);
    if (plan.kind === 'routine') vaccinate(rng, p, e, start, plan.day, age, given);
  });
}

function planEncounters(rng: Rng, p: SynthPatient, profile: SynthProfile): Plan[] {
  const plans: Plan[] = [];
  const extra = profile === 'hospital' ? 0.6 : 0;
  const emergencyShare = profile === 'hospital' ? 0.15 : 0.05;
  for (let day = p.obsStart; day < p.obsEnd; day += 365) {
    const span = Math.min(365, p.obsEnd - day);
    const age = ageAt(p.birthDay, day);
    const chronic = p.conditions.filter((c) => c.onsetDay <= day && CHRONIC.has(c.key)).length;
    const lambda =
      ((age < 2 ? 3 : age < 18 ? 0.8 : age < 65 ? 1.0 : 2.0) + 0.6 * chronic + extra) * (span / 365);
    const n = rng.poisson(lambda);
    for (let i = 0; i < n; i++) {
      const d = day + rng.int(span);
      if (rng.chance(emergencyShare))
        plans.push({ day: d, cls: 'EMER', type: ENCOUNTER_TYPES.emergency, kind: 'routine' });
      else
        plans.push({
          day: d,
          cls: 'AMB',
          type: i === 0 ? ENCOUNTER_TYPES.checkup : ENCOUNTER_TYPES.followUp,
          kind: 'routine',
        });
    }
  }
  for (const c of p.conditions) {
    if (c.onsetDay < p.obsStart || c.onsetDay > p.obsEnd) continue;
    plans.push({
      day: c.onsetDay,
      cls: 'AMB',
      type: ENCOUNTER_TYPES.problem,
      kind: 'diagnosis',
      reason: c.key,
    });
    if (c.key === 'breast_cancer' || c.key === 'colorectal_cancer' || c.key === 'lung_cancer') {
      const surgery = c.onsetDay + 14 + rng.int(31);
      if (surgery <= p.obsEnd) {
        plans.push({
          day: surgery,
          cls: 'IMP',
          type: ENCOUNTER_TYPES.admission,
          kind: 'surgery',
          reason: c.key,
          stayDays: 2 + rng.int(7),
        });
      }
      const chemo = surgery + 30 + rng.int(30);
      if (chemo <= p.obsEnd && rng.chance(0.5)) {
        plans.push({
          day: chemo,
          cls: 'AMB',
          type: ENCOUNTER_TYPES.followUp,
          kind: 'treatment',
          reason: c.key,
        });
      }
    }
  }
  if (plans.length === 0 && p.obsEnd > p.obsStart) {
    plans.push({
      day: p.obsStart + rng.int(Math.min(180, p.obsEnd - p.obsStart)),
      cls: 'AMB',
      type: ENCOUNTER_TYPES.checkup,
      kind: 'routine',
    });
  }
  const order = { diagnosis: 0, routine: 1, surgery: 2, treatment: 3 };
  return plans.sort((a, b) => a.day - b.day || order[a.kind] - order[b.kind]);
}

function measure(
  rng: Rng,
  p: SynthPatient,
  e: number,
  time: number,
  plan: Plan,
  s: LabState,
  firstOfYear: boolean,
): void {
  const labs: number[] = [];
  const add = (key: LabKey, value: number): void => {
    if (LABS[key].category === 'laboratory') labs.push(p.observations.length);
    p.observations.push({ id: rng.uuid(), encounter: e, key, time, value });
  };
  // Body measures at check-ups and diagnosis visits; blood pressure also at hypertension follow-ups.
  const checkup = plan.cls === 'AMB' && (firstOfYear || plan.kind === 'diagnosis');
  if (checkup && s.age >= 2) {
    const bmi = labValue(rng, 'bmi', s);
    if (firstOfYear) add('height', labValue(rng, 'height', s));
    add('weight', labValue(rng, 'weight', { ...s, bmi }));
    add('bmi', bmi);
  }
  if (s.age >= 3 && (checkup || (plan.cls === 'AMB' && s.active.has('hypertension')))) {
    add('sbp', labValue(rng, 'sbp', s));
    add('dbp', labValue(rng, 'dbp', s));
  }
  if (firstOfYear && s.age >= 16 && plan.cls === 'AMB') {
    const v = SMOKING_STATUS.values[p.smoking];
    p.observations.push({ id: rng.uuid(), encounter: e, key: 'smoking', time, value: 0, code: v });
  }
  const t2d = s.active.has('t2d');
  if ((t2d && plan.cls !== 'EMER') || (s.age >= 40 && checkup && rng.chance(0.15))) {
    const a1c = labValue(rng, 'hba1c', s);
    add('hba1c', a1c);
    if (rng.chance(0.5)) add('glucose', labValue(rng, 'glucose', s, a1c));
  }
  const renal = t2d || s.active.has('hypertension') || s.active.has('ckd');
  if ((renal && rng.chance(0.6)) || (s.age >= 60 && checkup && rng.chance(0.2))) {
    const egfr = labValue(rng, 'egfr', s);
    add('creatinine', labValue(rng, 'creatinine', s, undefined, egfr));
    add('egfr', egfr);
  }
  if (s.age >= 40 && checkup && rng.chance(renal ? 0.45 : 0.2)) {
    add('cholesterol', labValue(rng, 'cholesterol', s));
    add('hdl', labValue(rng, 'hdl', s));
  }
  if (s.active.has('copd') && (plan.reason === 'copd' || rng.chance(0.3)))
    add('fev1fvc', labValue(rng, 'fev1fvc', s));
  if (labs.length) p.reports.push({ id: rng.uuid(), encounter: e, time, results: labs });
}

function vaccinate(
  rng: Rng,
  p: SynthPatient,
  e: number,
  time: number,
  day: number,
  age: number,
  given: Map<string, number>,
): void {
  const give = (cvx: Code): void => {
    p.immunizations.push({ id: rng.uuid(), encounter: e, cvx, time });
    given.set(cvx.code, day);
  };
  const last = (cvx: Code): number | undefined => given.get(cvx.code);
  const count = (cvx: Code): number => p.immunizations.filter((i) => i.cvx.code === cvx.code).length;
  if (age < 1.5 && count(VACCINES.hexavalent) < 3 && rng.chance(0.9)) give(VACCINES.hexavalent);
  if (age >= 1 && age < 2.5 && last(VACCINES.mmr) === undefined && rng.chance(0.9)) give(VACCINES.mmr);
  if (age >= 11 && age < 15 && last(VACCINES.hpv) === undefined && rng.chance(0.6)) give(VACCINES.hpv);
  if (age >= 65 && yearOf(last(VACCINES.influenza) ?? 0) !== yearOf(day) && rng.chance(0.6))
    give(VACCINES.influenza);
  if (age >= 65 && last(VACCINES.pneumococcal) === undefined && rng.chance(0.3)) give(VACCINES.pneumococcal);
  // COVID-19 mRNA vaccination started in the EU on 27 December 2020.
  if (day >= 18623 && age >= 12 && count(VACCINES.covid19) < 3 && rng.chance(0.5)) give(VACCINES.covid19);
  if (age >= 18 && day - (last(VACCINES.td) ?? -1e9) > 3650 && rng.chance(0.05)) give(VACCINES.td);
}

function heightAt(p: SynthPatient, age: number): number {
  if (age >= 18) return p.heightCm;
  // Children: scale the height reached at the end of observation back along a growth curve.
  const endAge = ageAt(p.birthDay, p.obsEnd);
  const adult =
    endAge >= 18 ? p.heightCm : 50 + (p.heightCm - 50) / Math.pow(Math.max(endAge, 0.01) / 18, 0.75);
  return 50 + (adult - 50) * Math.pow(Math.max(age, 0) / 18, 0.75);
}

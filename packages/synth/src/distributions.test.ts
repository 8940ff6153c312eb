import { describe, expect, it } from 'vitest';
import { pyramidShares } from './demography';
import { createPatient, type PopulationContext, type SynthPatient } from './patient';
import { creatinineFromEgfr, egfrFromCreatinine } from './labs';
import { dayOf, ageAt } from './time';

function population(country: string, profile: PopulationContext['profile'], n: number): SynthPatient[] {
  const ctx: PopulationContext = { seed: 42, country, profile, endDay: dayOf('2025-12-31'), years: 10 };
  return Array.from({ length: n }, (_, i) => createPatient(ctx, i + 1));
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const has = (p: SynthPatient, key: string): boolean => p.conditions.some((c) => c.key === key);
const values = (ps: SynthPatient[], key: string): number[] =>
  ps.flatMap((p) => p.observations.filter((o) => o.key === key).map((o) => o.value));

describe('population realism (5,000 Germans, general case mix)', () => {
  const people = population('DE', 'general', 5000);
  const adults = people.filter((p) => ageAt(p.birthDay, p.obsEnd) >= 18);

  it('has adult type 2 diabetes prevalence in the European range', () => {
    // Prepare: IDF Diabetes Atlas puts diagnosed + undiagnosed adult diabetes in Germany near 7-10 %.
    const prevalence = adults.filter((p) => has(p, 't2d')).length / adults.length;
    expect(prevalence).toBeGreaterThan(0.04);
    expect(prevalence).toBeLessThan(0.14);
  });

  it('follows the country pyramid for sex and the 65+ share', () => {
    const shares = pyramidShares('DE');
    const expected65 = [...shares.male.slice(13), ...shares.female.slice(13)].reduce((a, b) => a + b, 0);
    const observed65 =
      people.filter((p) => ageAt(p.birthDay, dayOf('2025-12-31')) >= 65).length / people.length;
    expect(Math.abs(observed65 - expected65)).toBeLessThan(0.03);
    const female = people.filter((p) => p.sex === 'female').length / people.length;
    expect(female).toBeGreaterThan(0.47);
    expect(female).toBeLessThan(0.54);
  });

  it('records higher HbA1c in diabetics than in others', () => {
    const diabetic = values(
      people.filter((p) => has(p, 't2d')),
      'hba1c',
    );
    const other = values(
      people.filter((p) => !has(p, 't2d')),
      'hba1c',
    );
    expect(diabetic.length).toBeGreaterThan(100);
    expect(mean(diabetic)).toBeGreaterThan(mean(other) + 1);
    expect(mean(other)).toBeLessThan(6);
  });

  it('records lower eGFR with chronic kidney disease, and creatinine consistent with it', () => {
    const ckd = values(
      people.filter((p) => has(p, 'ckd')),
      'egfr',
    );
    const other = values(
      people.filter((p) => !has(p, 'ckd')),
      'egfr',
    );
    expect(ckd.length).toBeGreaterThan(20);
    expect(mean(ckd)).toBeLessThan(mean(other) - 20);
    const scr = creatinineFromEgfr(45, 70, 'female');
    expect(egfrFromCreatinine(scr, 70, 'female')).toBeCloseTo(45, 6);
  });

  it('treats type 2 diabetes with metformin and hypertension with ACE inhibitors or ARBs', () => {
    const t2dDrugs = people.flatMap((p) =>
      p.medications.filter((m) => m.reason === 't2d').map((m) => m.atc.code),
    );
    expect(t2dDrugs).toContain('A10BA02');
    const htnDrugs = people.flatMap((p) =>
      p.medications.filter((m) => m.reason === 'hypertension').map((m) => m.atc.code),
    );
    expect(htnDrugs.filter((c) => c.startsWith('C09')).length).toBeGreaterThan(htnDrugs.length / 3);
  });

  it('lets older and sicker people die more often', () => {
    const old = people.filter((p) => ageAt(p.birthDay, p.obsStart) >= 70);
    const young = people.filter((p) => ageAt(p.birthDay, p.obsStart) < 40);
    const rate = (ps: SynthPatient[]): number =>
      ps.filter((p) => p.deathDay !== undefined).length / ps.length;
    expect(rate(old)).toBeGreaterThan(rate(young) * 5);
  });
});

describe('genetics and case mix', () => {
  it('enriches BRCA1/BRCA2 carriers among breast cancer cases', () => {
    const women = population('ES', 'cancer-registry', 6000).filter((p) => p.sex === 'female');
    const carrier = (p: SynthPatient): boolean => p.germline.brca1 !== undefined || p.germline.brca2;
    const cases = women.filter((p) => has(p, 'breast_cancer'));
    const controls = women.filter((p) => !has(p, 'breast_cancer'));
    expect(cases.length).toBeGreaterThan(100);
    const caseRate = cases.filter(carrier).length / cases.length;
    const controlRate = controls.filter(carrier).length / controls.length;
    expect(caseRate).toBeGreaterThan(controlRate * 2);
  });

  it('makes the three demo profiles differ in case mix', () => {
    const cancer = (ps: SynthPatient[]): number =>
      ps.filter((p) => p.conditions.some((c) => c.key.endsWith('_cancer'))).length / ps.length;
    const rare = (ps: SynthPatient[]): number =>
      ps.filter((p) => p.conditions.some((c) => ['cystic_fibrosis', 'marfan', 'huntington'].includes(c.key)))
        .length / ps.length;
    const registry = population('ES', 'cancer-registry', 1500);
    const hospital = population('DE', 'hospital', 1500);
    const biobank = population('FI', 'biobank', 1500);
    expect(cancer(registry)).toBeGreaterThan(cancer(biobank) * 5);
    expect(rare(hospital)).toBeGreaterThan(rare(biobank));
    expect(biobank.filter((p) => p.genotypes).length).toBeGreaterThan(
      hospital.filter((p) => p.genotypes).length * 2,
    );
  });

  it('keeps identity and demographics of a person independent of the profile', () => {
    const ctx = { seed: 7, country: 'FI', endDay: dayOf('2025-12-31'), years: 10 };
    const a = createPatient({ ...ctx, profile: 'general' }, 12);
    const b = createPatient({ ...ctx, profile: 'hospital' }, 12);
    expect(a.identifier).toBe('FI-S7-0000012');
    expect([a.id, a.sex, a.birthDay, a.given]).toEqual([b.id, b.sex, b.birthDay, b.given]);
  });
});

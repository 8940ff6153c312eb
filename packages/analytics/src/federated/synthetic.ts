/**
 * Seeded synthetic cohorts for the federated maths' tests and benchmark: ages, sex, BMI, region,
 * a binary outcome from a known logistic model, a count from a Poisson model, blood pressure from a
 * linear model, and a censored survival time. Not real data; only the shape is realistic.
 */

/** A small fast seeded PRNG (mulberry32), uniform on [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Columns of a synthetic cohort. */
export interface SyntheticCohort {
  [column: string]: number[] | string[];
  age: number[];
  sex: string[];
  bmi: number[];
  region: string[];
  diabetes: number[];
  visits: number[];
  sbp: number[];
  time: number[];
  status: number[];
}

const REGIONS = ['north', 'south', 'east', 'west'];

/** n seeded rows; `shift` moves the covariate distribution so nodes differ from one another. */
export function syntheticCohort(n: number, seed: number, shift = 0): SyntheticCohort {
  const rnd = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const poissonDraw = (lambda: number) => {
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let prod = rnd(); prod > limit; prod *= rnd()) k++;
    return k;
  };
  const c: SyntheticCohort = {
    age: [],
    sex: [],
    bmi: [],
    region: [],
    diabetes: [],
    visits: [],
    sbp: [],
    time: [],
    status: [],
  };
  for (let i = 0; i < n; i++) {
    const age = Math.round((50 + 5 * shift + 12 * normal()) * 10) / 10;
    const sex = rnd() < 0.5 ? 'female' : 'male';
    const bmi = Math.round((26 + shift + 4 * normal()) * 100) / 100;
    const region = REGIONS[Math.floor(rnd() * REGIONS.length)]!;
    const male = sex === 'male' ? 1 : 0;
    const eta = -9 + 0.05 * age + 0.3 * male + 0.15 * bmi + (region === 'south' ? 0.4 : 0);
    const diabetes = rnd() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    const visits = poissonDraw(Math.exp(-1.5 + 0.02 * age + 0.2 * male + 0.3 * diabetes));
    const sbp = Math.round((90 + 0.5 * age + 4 * male + 0.8 * bmi + 10 * normal()) * 10) / 10;
    // Exponential event time, rounded to whole days so that ties occur, censored at a random follow-up.
    const hazard = 0.0005 * Math.exp(0.5 * diabetes + 0.2 * male);
    const event = Math.ceil(-Math.log(1 - rnd()) / hazard);
    const follow = Math.ceil(200 + rnd() * 1800);
    c.age.push(age);
    c.sex.push(sex);
    c.bmi.push(bmi);
    c.region.push(region);
    c.diabetes.push(diabetes);
    c.visits.push(visits);
    c.sbp.push(sbp);
    c.time.push(Math.min(event, follow));
    c.status.push(event <= follow ? 1 : 0);
  }
  return c;
}

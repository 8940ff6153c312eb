/**
 * The fee estimate of Art. 62: what the HDAB charges for assessing and issuing a permit or answering
 * a request, for preparing the data, for the secure processing environment, and what the data
 * holders charge for their part (passed on to them, Art. 62(2)). The estimate is sent before the
 * decision; the applicant may withdraw and then pays only what was incurred (Art. 62(5)).
 */

/** The HDAB's tariff, in euro. National law sets it; these are configuration, not law. */
export interface FeeSchedule {
  assessmentApplication: number;
  assessmentRequest: number;
  /** Per dataset prepared (extraction, pseudonymisation or anonymisation). */
  preparationPerDataset: number;
  /** Per month of the secure processing environment. */
  spePerMonth: number;
  /** Per GPU hour on an AI Factory, and per CPU hour. */
  perGpuHour: number;
  perCpuHour: number;
  /** Reductions (national option, Art. 62(3)): fraction off for these applicant kinds. */
  reductions: Partial<Record<string, number>>;
}

export const DEFAULT_FEE_SCHEDULE: FeeSchedule = {
  assessmentApplication: 800,
  assessmentRequest: 400,
  preparationPerDataset: 1200,
  spePerMonth: 300,
  perGpuHour: 2.5,
  perCpuHour: 0.05,
  reductions: { public_body: 0.5, eu_body: 0.5, research_organisation: 0.3 },
};

export interface FeeLine {
  phase: 'assessment' | 'preparation' | 'spe' | 'compute' | 'holder';
  description: string;
  payee: string;
  amount: number;
}

export interface FeeEstimate {
  lines: FeeLine[];
  reduction: { kind: string; fraction: number; amount: number } | null;
  total: number;
  currency: 'EUR';
}

const cents = (n: number) => Math.round(n * 100) / 100;

/** Computes an estimate from the tariff, the file's scope and the holders' stated costs. */
export function estimateFees(
  schedule: FeeSchedule,
  input: {
    kind: 'application' | 'request';
    hdabName: string;
    organisationKind: string | null;
    datasets: number;
    speMonths: number;
    gpuHours: number;
    cpuHours: number;
    holderCosts: { holder: string; amount: number; note?: string }[];
  },
): FeeEstimate {
  const lines: FeeLine[] = [];
  const add = (phase: FeeLine['phase'], description: string, amount: number, payee = input.hdabName) => {
    if (amount > 0) lines.push({ phase, description, payee, amount: cents(amount) });
  };
  add(
    'assessment',
    input.kind === 'application'
      ? 'Assessment and decision on the permit'
      : 'Assessment and answer to the request',
    input.kind === 'application' ? schedule.assessmentApplication : schedule.assessmentRequest,
  );
  add(
    'preparation',
    `Preparation of ${input.datasets} dataset(s)`,
    input.datasets * schedule.preparationPerDataset,
  );
  if (input.kind === 'application') {
    add(
      'spe',
      `Secure processing environment, ${input.speMonths} month(s)`,
      input.speMonths * schedule.spePerMonth,
    );
    add('compute', `${input.gpuHours} GPU hour(s)`, input.gpuHours * schedule.perGpuHour);
    add('compute', `${input.cpuHours} CPU hour(s)`, input.cpuHours * schedule.perCpuHour);
  }
  const hdabSubtotal = lines.reduce((s, l) => s + l.amount, 0);
  const fraction = input.organisationKind ? (schedule.reductions[input.organisationKind] ?? 0) : 0;
  // Reductions apply to the HDAB's own fees; holders' costs are passed on as they stated them.
  const reduction =
    fraction > 0 && input.organisationKind
      ? { kind: input.organisationKind, fraction, amount: cents(hdabSubtotal * fraction) }
      : null;
  for (const h of input.holderCosts) {
    add('holder', `Data holder's preparation cost${h.note ? `: ${h.note}` : ''}`, h.amount, h.holder);
  }
  const total = cents(lines.reduce((s, l) => s + l.amount, 0) - (reduction?.amount ?? 0));
  return { lines, reduction, total, currency: 'EUR' };
}

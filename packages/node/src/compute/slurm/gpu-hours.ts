import { forbidden } from '@openehds/core';

/**
 * GPU hours granted by a data permit are a budget (issue 4 §6: "GPU hours counted against what the
 * permit granted"). A job reserves its worst case (GPUs × time limit) when it is submitted, so two
 * jobs running at once cannot together overrun the grant; when it ends the reservation is replaced by
 * what it actually used (GPUs × elapsed wall time, the way Slurm bills a `gres/gpu` allocation).
 */

const HOUR = 3600;

/** GPU hours used by `gpus` GPUs between two instants (ISO strings or epoch seconds). */
export function gpuHoursUsed(gpus: number, startSeconds: number, endSeconds: number): number {
  if (gpus <= 0 || endSeconds <= startSeconds) return 0;
  return (gpus * (endSeconds - startSeconds)) / HOUR;
}

/** The most a job can use: its GPUs for its whole time limit. */
export function gpuHoursReserved(gpus: number, timeSeconds: number): number {
  return gpus > 0 ? (gpus * timeSeconds) / HOUR : 0;
}

export interface GpuBudgetDecision {
  allowed: boolean;
  /** Hours to reserve for this job (0 for a CPU-only job). */
  reserve: number;
  /** Hours left after the reservation (or now, if refused). */
  remaining: number;
  reason?: string;
}

/** Whether a job with `gpus` GPUs for `timeSeconds` fits in what is left of the permit's grant. */
export function decideGpuBudget(input: {
  permitId: string;
  grantedHours: number;
  usedHours: number;
  gpus: number;
  timeSeconds: number;
}): GpuBudgetDecision {
  const reserve = gpuHoursReserved(input.gpus, input.timeSeconds);
  const left = Math.max(0, input.grantedHours - input.usedHours);
  if (reserve === 0) return { allowed: true, reserve: 0, remaining: left };
  // A tolerance of a millisecond's worth of GPU time absorbs floating-point sums of many jobs.
  if (reserve > left + 1e-9) {
    return {
      allowed: false,
      reserve,
      remaining: left,
      reason:
        `permit ${input.permitId} has ${round(left)} GPU hours left of ${round(input.grantedHours)} granted; ` +
        `this job could use ${round(reserve)} (${input.gpus} GPUs × ${input.timeSeconds} s). ` +
        `Lower the GPUs or the time limit, or ask the HDAB to amend the permit`,
    };
  }
  return { allowed: true, reserve, remaining: left - reserve };
}

function round(hours: number): string {
  return String(Math.round(hours * 1000) / 1000);
}

/** Where a permit's GPU hours are kept; the lead backs this with the permit store. */
export interface GpuHoursLedger {
  /** Hours the permit grants (0 when it grants none). */
  grantedHours(permitId: string): Promise<number>;
  /** Hours used by ended jobs plus hours reserved by running ones. */
  usedHours(permitId: string): Promise<number>;
  /** Reserves hours for a job being submitted. */
  reserve(permitId: string, jobId: string, hours: number): Promise<void>;
  /** Replaces a job's reservation by what it used (idempotent: the last call wins). */
  settle(permitId: string, jobId: string, hours: number): Promise<void>;
  /** Drops a reservation for a job that never started (submission failed). */
  release(permitId: string, jobId: string): Promise<void>;
}

/** A ledger held in memory: for tests and single-process nodes. */
export class MemoryGpuLedger implements GpuHoursLedger {
  private readonly grants = new Map<string, number>();
  private readonly entries = new Map<string, Map<string, number>>();

  constructor(grants: Record<string, number> = {}) {
    for (const [permit, hours] of Object.entries(grants)) this.grants.set(permit, hours);
  }

  async grantedHours(permitId: string): Promise<number> {
    return this.grants.get(permitId) ?? 0;
  }

  async usedHours(permitId: string): Promise<number> {
    let sum = 0;
    for (const hours of this.entries.get(permitId)?.values() ?? []) sum += hours;
    return sum;
  }

  async reserve(permitId: string, jobId: string, hours: number): Promise<void> {
    this.jobs(permitId).set(jobId, hours);
  }

  async settle(permitId: string, jobId: string, hours: number): Promise<void> {
    this.jobs(permitId).set(jobId, hours);
  }

  async release(permitId: string, jobId: string): Promise<void> {
    this.jobs(permitId).delete(jobId);
  }

  private jobs(permitId: string): Map<string, number> {
    let jobs = this.entries.get(permitId);
    if (!jobs) this.entries.set(permitId, (jobs = new Map()));
    return jobs;
  }
}

/** Decides, then reserves; throws `forbidden` with the reason when the job does not fit. */
export async function reserveGpuHours(
  ledger: GpuHoursLedger,
  job: { id: string; permitId: string; limits: { gpus?: number; timeSeconds: number } },
): Promise<GpuBudgetDecision> {
  const decision = decideGpuBudget({
    permitId: job.permitId,
    grantedHours: await ledger.grantedHours(job.permitId),
    usedHours: await ledger.usedHours(job.permitId),
    gpus: job.limits.gpus ?? 0,
    timeSeconds: job.limits.timeSeconds,
  });
  if (!decision.allowed) throw forbidden(decision.reason!);
  if (decision.reserve > 0) await ledger.reserve(job.permitId, job.id, decision.reserve);
  return decision;
}

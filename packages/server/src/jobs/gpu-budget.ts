/**
 * GPU hours are part of the permit (Art. 68(10)(f): the secure processing environment and the
 * resources granted; `spe.gpuHours`), counted per permit chain at the hub. A job reserves its worst
 * case, GPUs × time limit, when it is submitted, so jobs running at once cannot together overrun the
 * grant; when it ends the reservation becomes what it used, GPUs × elapsed wall time (the way Slurm
 * bills `gres/gpu`). The node's Slurm connector then spends exactly what the hub approved
 * (node `jobs/ledger.ts`). Pure: the service reads the sums under a lock of the permit chain.
 */

const HOUR = 3600;

/** The most a job can use: its GPUs for its whole time limit. */
export function reservedGpuHours(gpus: number, timeSeconds: number): number {
  return gpus > 0 ? (gpus * timeSeconds) / HOUR : 0;
}

/** What an ended job used: GPUs × elapsed, never more than it reserved. */
export function usedGpuHours(
  gpus: number,
  startedAt: string | null,
  endedAt: string | null,
  reserved: number,
): number {
  if (gpus <= 0 || !startedAt || !endedAt) return 0;
  const seconds = (Date.parse(endedAt) - Date.parse(startedAt)) / 1000;
  if (!(seconds > 0)) return 0;
  return Math.min(reserved, (gpus * seconds) / HOUR);
}

/** The budget decision for one job. */
export type GpuDecision =
  | { allowed: true; reserve: number; remaining: number }
  | { allowed: false; reserve: number; remaining: number; reason: string };

/** Whether a job fits in what is left of the chain's grant (used + reserved by others). */
export function decideGpuHours(input: {
  permitId: string;
  grantedHours: number;
  spentHours: number;
  gpus: number;
  timeSeconds: number;
}): GpuDecision {
  const reserve = reservedGpuHours(input.gpus, input.timeSeconds);
  const left = Math.max(0, input.grantedHours - input.spentHours);
  if (reserve === 0) return { allowed: true, reserve: 0, remaining: left };
  // A millisecond's worth of GPU time absorbs floating-point sums of many jobs.
  if (reserve > left + 1e-9)
    return {
      allowed: false,
      reserve,
      remaining: left,
      reason:
        `permit ${input.permitId} has ${round(left)} GPU hours left of ${round(input.grantedHours)} granted; ` +
        `this job could use ${round(reserve)} (${input.gpus} GPUs × ${input.timeSeconds} s). ` +
        `Lower the GPUs or the time limit, or ask the HDAB to amend the permit (Art. 68(10)(f))`,
    };
  return { allowed: true, reserve, remaining: left - reserve };
}

function round(hours: number): string {
  return String(Math.round(hours * 1000) / 1000);
}

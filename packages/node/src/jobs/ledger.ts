import type { GpuHoursLedger } from '../compute/slurm/gpu-hours';

/**
 * The node's side of the GPU-hour count. The hub holds the permit's budget and reserves a job's worst
 * case (GPUs × time limit) atomically before it queues the job (hub `jobs/gpu-budget.ts`); this ledger
 * lets the Slurm backend spend exactly what the hub approved for each job and nothing more, so a node
 * cannot be talked into GPU time the hub did not count.
 */
export class HubApprovedLedger implements GpuHoursLedger {
  private readonly approved = new Map<string, Map<string, number>>();
  private readonly entries = new Map<string, Map<string, number>>();

  /** Records what the hub approved for a job (from its `job.run` task). */
  approve(permitId: string, jobId: string, hours: number): void {
    this.of(this.approved, permitId).set(jobId, hours);
  }

  async grantedHours(permitId: string): Promise<number> {
    return sum(this.approved.get(permitId));
  }

  async usedHours(permitId: string): Promise<number> {
    return sum(this.entries.get(permitId));
  }

  async reserve(permitId: string, jobId: string, hours: number): Promise<void> {
    this.of(this.entries, permitId).set(jobId, hours);
  }

  async settle(permitId: string, jobId: string, hours: number): Promise<void> {
    this.of(this.entries, permitId).set(jobId, hours);
  }

  async release(permitId: string, jobId: string): Promise<void> {
    this.entries.get(permitId)?.delete(jobId);
  }

  /** Hours a job used, once settled (what the node reports back). */
  usedBy(permitId: string, jobId: string): number | undefined {
    return this.entries.get(permitId)?.get(jobId);
  }

  private of(map: Map<string, Map<string, number>>, permitId: string): Map<string, number> {
    let m = map.get(permitId);
    if (!m) map.set(permitId, (m = new Map()));
    return m;
  }
}

function sum(m: Map<string, number> | undefined): number {
  let s = 0;
  for (const v of m?.values() ?? []) s += v;
  return s;
}

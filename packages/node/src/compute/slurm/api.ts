/**
 * The part of Slurm's REST API (openapi/v0.0.38, Slurm 22.05) the backend uses, as an interface with
 * two implementations: slurmrestd over HTTP with JWT (`rest-client.ts`, the AI Factory case) and the
 * Slurm commands on a login node (`cli-client.ts`, same JSON through `squeue --json`).
 */

/** Job description for submission (v0.0.38 `job_properties`, only the fields we set). */
export interface SlurmJobProperties {
  name: string;
  partition?: string;
  current_working_directory: string;
  standard_output: string;
  standard_error?: string;
  environment: Record<string, string>;
  /** Minutes. */
  time_limit: number;
  cpus_per_task: number;
  /** MB. */
  memory_per_node?: number;
  /** Generic resources, e.g. `gpu:2` (sbatch --gres). */
  gres?: string;
}

/** What we read back about a job (v0.0.38 `job_response_properties`, a subset). */
export interface SlurmJobInfo {
  job_id: number;
  job_state: string;
  exit_code?: number;
  /** Epoch seconds; 0 when not started/ended. */
  start_time?: number;
  end_time?: number;
  partition?: string;
  tres_per_node?: string;
}

export interface SlurmApi {
  /** Submits a batch script; returns the Slurm job id. */
  submit(script: string, job: SlurmJobProperties): Promise<string>;
  /** The job, or undefined when Slurm no longer knows it (aged out after MinJobAge). */
  job(id: string): Promise<SlurmJobInfo | undefined>;
  cancel(id: string): Promise<void>;
}

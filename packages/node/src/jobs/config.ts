import { z } from 'zod';

/**
 * Where a node runs code-to-data jobs (issue 4 §5–6), in the node configuration under `compute`.
 * The local bubblewrap sandbox is always there; Slurm (an AI Factory, through slurmrestd with a JWT,
 * or the Slurm commands on this host) and a GA4GH TES server only when configured.
 */
export const ComputeConfigSchema = z
  .object({
    /** The backend a job runs on when its submission names none. */
    defaultBackend: z.enum(['local', 'slurm', 'tes']).default('local'),
    local: z
      .object({
        /** Jobs running at once in the local sandbox; later ones wait. */
        maxConcurrent: z.number().int().min(1).max(64).default(2),
        /** Largest file a job may write, MiB. */
        maxFileMb: z.number().int().min(1).max(1_000_000).default(1024),
      })
      .strict()
      .prefault({}),
    slurm: z
      .object({
        /** slurmrestd's URL; without it the node uses the Slurm commands (sbatch, squeue) of this host. */
        restUrl: z.url().optional(),
        /** The Slurm user jobs run as (`X-SLURM-USER-NAME`). */
        user: z.string().min(1).default('root'),
        /** A JWT (`scontrol token`), or a file holding one, re-read on every call so it can be renewed. */
        token: z.string().min(1).optional(),
        tokenFile: z.string().min(1).optional(),
        apiVersion: z
          .string()
          .regex(/^v\d+\.\d+\.\d+$/)
          .default('v0.0.38'),
        partition: z.string().min(1).optional(),
        gpuPartition: z.string().min(1).optional(),
        gresName: z.string().min(1).optional(),
        gpuDevices: z.array(z.string().min(1)).optional(),
        /** A folder the Slurm nodes share with this node (default `<dataDir>/slurm-work`). */
        workRoot: z.string().min(1).optional(),
      })
      .strict()
      .refine((s) => !s.restUrl || s.token || s.tokenFile, {
        message: 'slurmrestd needs a JWT: give token or tokenFile',
        path: ['token'],
      })
      .optional(),
    tes: z
      .object({ url: z.url(), token: z.string().min(1).optional() })
      .strict()
      .optional(),
    /** How often a running job's status and log are read and sent on (ms). */
    pollMs: z.number().int().min(50).max(60_000).default(1_000),
  })
  .strict();

/** Validated compute configuration of a node. */
export type ComputeConfig = z.infer<typeof ComputeConfigSchema>;

/** The compute configuration of a node that names none: the local sandbox only. */
export function defaultComputeConfig(): ComputeConfig {
  return ComputeConfigSchema.parse({});
}

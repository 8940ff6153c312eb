import { z } from 'zod';
import { invalid, zodIssues } from '@openehds/core';

/** The hub's task that runs a job at this node (hub `jobs/service.ts`). */
export const JOB_RUN_TASK = 'job.run';
/** The hub's task that cancels one. It names no permit: a job must be stoppable after its permit ended. */
export const JOB_CANCEL_TASK = 'job.cancel';
/** Node message: a chunk of a job's log, and its state while it runs. */
export const JOB_LOG_MESSAGE = 'job.log';
/** Node message: how a job ended, and the airlock request its outputs became. */
export const JOB_FINISHED_MESSAGE = 'job.finished';
/** Node message taking outputs into the airlock (hub `airlock/routes.ts`). */
export const AIRLOCK_OUTPUTS_MESSAGE = 'airlock.outputs';

const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/);

/** What `job.run` carries. */
export const JobRunPayloadSchema = z
  .object({
    permitId: Id,
    jobId: Id,
    /** The hub username of the named person who submitted it (the airlock request's author). */
    author: z.string().min(1).max(200),
    language: z.enum(['python', 'r', 'javascript']),
    script: z.string().min(1).max(1_000_000),
    args: z.array(z.string().max(4096)).max(100),
    backend: z.enum(['local', 'slurm', 'tes']).optional(),
    limits: z
      .object({
        cpus: z.number().int().min(1).max(256),
        memoryMb: z.number().int().min(64).max(4_000_000),
        timeSeconds: z
          .number()
          .int()
          .min(1)
          .max(30 * 24 * 3600),
        gpus: z.number().int().min(0).max(64).optional(),
      })
      .strict(),
    /** GPU hours the hub reserved for this job against the permit's grant (0 for a CPU job). */
    gpuHoursApproved: z.number().min(0).default(0),
  })
  .strict();

/** A parsed `job.run` payload. */
export type JobRunPayload = z.infer<typeof JobRunPayloadSchema>;

/** What `job.cancel` carries. */
export const JobCancelPayloadSchema = z.object({ jobId: Id }).strict();

/** Parses a task payload, throwing `invalid` with every field at fault. */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown, what: string): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw invalid(`the ${what} payload is not valid`, zodIssues(parsed.error));
  return parsed.data;
}

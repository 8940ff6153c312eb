import { parseJob } from '../job';
import type { ComputeBackend, Job, JobHandle, JobStatus, LogChunk, OutputFile } from '../types';
import { TesClient } from './client';
import { jobState, jobToTask } from './mapping';

/**
 * Runs jobs on a GA4GH TES v1.1 server (issue 4 §6). The job travels as a TES task (script inline,
 * permit in `tags.permit`); the server decides which data the permit opens there. Outputs stay at the
 * server's side for its airlock: `outputs()` lists them (from the task log), it does not copy them.
 */
export class TesBackend implements ComputeBackend {
  constructor(private readonly client: TesClient) {}

  async submit(input: Job): Promise<JobHandle> {
    const job = parseJob(input);
    const ref = await this.client.createTask(jobToTask(job));
    return { backend: 'tes', jobId: job.id, ref };
  }

  async status(handle: JobHandle): Promise<JobStatus> {
    const task = await this.client.getTask(handle.ref, 'BASIC');
    const log = task.logs?.at(-1);
    const executor = log?.logs.at(-1);
    const state = jobState(task.state);
    return {
      state,
      ...(executor && state !== 'running' && state !== 'queued' ? { exitCode: executor.exit_code } : {}),
      ...(state === 'failed'
        ? { reason: task.state === 'SYSTEM_ERROR' ? ('system' as const) : reasonOf(log?.metadata?.reason) }
        : {}),
      ...(log?.start_time ? { startedAt: log.start_time } : {}),
      ...(log?.end_time ? { endedAt: log.end_time } : {}),
    };
  }

  /** TES returns the whole log in the FULL view: the chunk is the part after `fromOffset` (bytes). */
  async logs(handle: JobHandle, fromOffset: number): Promise<LogChunk> {
    const task = await this.client.getTask(handle.ref, 'FULL');
    const executor = task.logs?.at(-1)?.logs.at(-1);
    const bytes = Buffer.from(`${executor?.stdout ?? ''}${executor?.stderr ?? ''}`, 'utf8');
    const start = Math.min(fromOffset, bytes.length);
    const ended = !['queued', 'running'].includes(jobState(task.state));
    return { text: bytes.subarray(start).toString('utf8'), nextOffset: bytes.length, complete: ended };
  }

  async cancel(handle: JobHandle): Promise<void> {
    await this.client.cancelTask(handle.ref);
  }

  async outputs(handle: JobHandle): Promise<OutputFile[]> {
    const task = await this.client.getTask(handle.ref, 'BASIC');
    return (task.logs?.at(-1)?.outputs ?? []).map((o) => ({
      path: o.path.replace(/^\/output\//, ''),
      size: Number(o.size_bytes),
    }));
  }
}

function reasonOf(reason: string | undefined): JobStatus['reason'] {
  const known = ['exit-code', 'time-limit', 'memory-limit', 'cpu-limit', 'signal', 'system'] as const;
  return (known as readonly string[]).includes(reason ?? '') ? (reason as JobStatus['reason']) : 'exit-code';
}

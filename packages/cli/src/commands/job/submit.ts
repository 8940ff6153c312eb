import { readFile } from 'node:fs/promises';
import type { JobBackend, JobView, JobsClient } from '@openehds/client';
import { emit, say } from '../../ui/output';
import { languageOf, limitsOf } from './options';
import { followJob } from './logs';

/** Options of `ehds job submit`. */
export interface SubmitOptions {
  permit: string;
  language?: string;
  backend?: JobBackend;
  arg?: string[];
  cpus?: string;
  memoryMb?: string;
  time?: string;
  gpus?: string;
  node?: string;
  follow?: boolean;
  json?: boolean;
}

/** `ehds job submit SCRIPT --permit P`: submits the script under the permit, optionally follows it. */
export async function submitJobCommand(
  script: string,
  opts: SubmitOptions,
  jobs: JobsClient,
): Promise<number> {
  const job = await jobs.submit(opts.permit, {
    language: languageOf(script, opts.language),
    script: await readFile(script, 'utf8'),
    args: opts.arg ?? [],
    limits: limitsOf(opts),
    ...(opts.backend ? { backend: opts.backend } : {}),
    ...(opts.node ? { node: opts.node } : {}),
  });
  say(`job ${job.reference} (${job.id}) queued at ${job.nodeName ?? job.nodeId}`);
  if (!opts.follow) {
    emit(job, Boolean(opts.json), (j: typeof job) => j.id);
    return 0;
  }
  const ended = await followJob(jobs, job.id);
  emit(ended, Boolean(opts.json), summary);
  return ended.status === 'SUCCEEDED' ? 0 : 1;
}

/** One line on how a job ended and where its outputs went. */
export function summary(job: JobView): string {
  const how = job.message ? `: ${job.message}` : '';
  const outputs = job.airlock
    ? `outputs in the airlock as ${job.airlock.reference} (${job.airlock.status})`
    : job.outputs?.airlockError
      ? `outputs not taken: ${job.outputs.airlockError}`
      : 'no outputs';
  return `${job.reference} ${job.status}${how}; ${outputs}`;
}

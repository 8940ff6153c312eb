import type { JobView, JobsClient } from '@openehds/client';
import { emit } from '../../ui/output';
import { summary } from './submit';

/** Writes a job's log to stdout as it grows, until the job ends; resolves with the job. */
export function followJob(jobs: JobsClient, id: string, signal?: AbortSignal): Promise<JobView> {
  return jobs.follow(id, (text) => process.stdout.write(text), {
    intervalMs: 1_000,
    ...(signal ? { signal } : {}),
  });
}

/** `ehds job logs ID [--follow]`: the log so far, or followed to the end (exit 0 if it succeeded). */
export async function jobLogsCommand(
  id: string,
  opts: { follow?: boolean },
  jobs: JobsClient,
): Promise<number> {
  if (!opts.follow) {
    const chunk = await jobs.logs(id, 0);
    process.stdout.write(chunk.text);
    return 0;
  }
  const ended = await followJob(jobs, id);
  process.stderr.write(`${summary(ended)}\n`);
  return ended.status === 'SUCCEEDED' ? 0 : 1;
}

/** `ehds job show ID`: the job (JSON with --json). */
export async function showJobCommand(
  id: string,
  opts: { json?: boolean },
  jobs: JobsClient,
): Promise<number> {
  emit(await jobs.get(id), Boolean(opts.json), summary);
  return 0;
}

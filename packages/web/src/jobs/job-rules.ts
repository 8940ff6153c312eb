import { ApiError, isJobFinal, type JobLimits, type JobStatus } from '@openehds/client';
import type { Badge } from '../applications/clock-text';
import { jobsText as t } from './strings';

/** Pure rules of the jobs UI (tested without a browser). */

/** The badge of a job status: words always, colour as a second cue. */
export function jobBadge(status: JobStatus): Badge {
  const tone: Badge['tone'] =
    status === 'SUCCEEDED' ? 'ok' : status === 'FAILED' ? 'bad' : status === 'CANCELLED' ? 'muted' : 'info';
  return { text: t.statuses[status] ?? status, tone };
}

/** Whether any job of a list may still change (the list keeps polling while one may). */
export function anyLive(jobs: readonly { status: JobStatus }[]): boolean {
  return jobs.some((j) => !isJobFinal(j.status));
}

/** The limit fields of the form, as typed. */
export type LimitsDraft = Record<keyof JobLimits, string>;

/** The form's starting limits: the hub's defaults. */
export const DEFAULT_LIMITS: LimitsDraft = { cpus: '1', memoryMb: '1024', timeSeconds: '3600', gpus: '0' };

/** The limits to send, or the fields that are not whole numbers. */
export function parseLimits(
  draft: LimitsDraft,
): { limits: JobLimits } | { errors: Partial<Record<keyof JobLimits, string>> } {
  const errors: Partial<Record<keyof JobLimits, string>> = {};
  const limits = {} as JobLimits;
  for (const key of Object.keys(draft) as (keyof JobLimits)[]) {
    const n = Number(draft[key].trim());
    if (draft[key].trim() === '' || !Number.isInteger(n) || n < 0) errors[key] = t.form.wholeNumber;
    else limits[key] = n;
  }
  return Object.keys(errors).length ? { errors } : { limits };
}

/** The arguments typed one per line (blank lines dropped). */
export function parseArgs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((a) => a.trim())
    .filter(Boolean);
}

/** The language a file's extension suggests, if any. */
export function languageOfFile(name: string): 'python' | 'r' | 'javascript' | null {
  const ext = name.toLowerCase().split('.').pop();
  return ext === 'py' ? 'python' : ext === 'r' ? 'r' : ext === 'js' || ext === 'mjs' ? 'javascript' : null;
}

/** The hub's messages for one field of the submission (`limits.cpus`, `script`, …). */
export function fieldErrors(error: unknown, field: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.issues
    .filter((i) => i.path === field || i.path?.startsWith(`${field}.`))
    .map((i) => i.message);
}

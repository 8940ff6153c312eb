import { isAbsolute, normalize, relative } from 'node:path';
import { realpath, stat } from 'node:fs/promises';
import { z } from 'zod';
import { invalid, zodIssues } from '@openehds/core';
import type { Job } from './types';

/**
 * Validation of a job before any backend touches it. Ids become folder names and paths become bind
 * mounts and lines of a batch script, so both are held to a narrow alphabet: no `..`, no separators in
 * ids, no shell metacharacters in paths (Art. 73(1): the environment must not leak data elsewhere).
 */

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;
const SAFE_PATH = /^\/[A-Za-z0-9._/-]*$/;

const absolutePath = z
  .string()
  .regex(SAFE_PATH, 'an absolute path of letters, digits, `.`, `_`, `-` and `/` only')
  .refine((p) => isAbsolute(p) && normalize(p) === p && !p.split('/').includes('..') && p !== '/', {
    message: 'a normalised absolute path without `..` (and not `/`)',
  });

/** The shape of a job; exported so an HTTP route can reuse it. */
export const JobSchema = z
  .object({
    id: z.string().regex(ID, 'letters, digits, `_`, `.`, `-` (at most 80), not starting with `.`'),
    permitId: z.string().regex(ID, 'a permit number such as P-2027-0042-FI'),
    language: z.enum(['python', 'r', 'javascript']),
    script: z.string().min(1).max(1_000_000),
    args: z
      .array(
        z
          .string()
          .max(4096)
          .refine((a) => !a.includes('\0'), 'no NUL bytes'),
      )
      .max(100),
    limits: z.object({
      cpus: z.number().int().min(1).max(256),
      memoryMb: z.number().int().min(64).max(4_000_000),
      timeSeconds: z
        .number()
        .int()
        .min(1)
        .max(30 * 24 * 3600),
      gpus: z.number().int().min(0).max(64).optional(),
    }),
    inputDir: absolutePath,
    outputDir: absolutePath,
  })
  .strict()
  .refine((j) => !nested(j.inputDir, j.outputDir), {
    message: 'inputDir and outputDir must be separate folders, neither inside the other',
    path: ['outputDir'],
  });

function nested(a: string, b: string): boolean {
  const ab = relative(a, b);
  const ba = relative(b, a);
  return ab === '' || !ab.startsWith('..') || !ba.startsWith('..');
}

/** Parses a job, throwing `invalid` with every field at fault. */
export function parseJob(input: unknown): Job {
  const parsed = JobSchema.safeParse(input);
  if (!parsed.success) throw invalid('the job is not valid', zodIssues(parsed.error));
  return parsed.data;
}

/** True when `id` can be used as a job id / folder name. */
export function isSafeId(id: string): boolean {
  return ID.test(id);
}

/**
 * Checks on the file system: both folders exist, are folders, and are reached without symlinks (a
 * symlinked output folder could point the one writable mount at a host folder).
 */
export async function checkJobDirs(job: Job): Promise<void> {
  for (const [field, dir] of [
    ['inputDir', job.inputDir],
    ['outputDir', job.outputDir],
  ] as const) {
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory())
      throw invalid(`${field} ${dir} is not an existing folder`, [
        { path: field, message: 'no such folder' },
      ]);
    if ((await realpath(dir)) !== dir)
      throw invalid(`${field} ${dir} goes through a symlink; give its real path`, [
        { path: field, message: 'symlinked path' },
      ]);
  }
}

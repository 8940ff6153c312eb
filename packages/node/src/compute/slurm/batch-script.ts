import type { Job } from '../types';

/**
 * The Slurm batch script for a job: the same bubblewrap command as the local sandbox (so isolation
 * is identical at the AI Factory), under `timeout` for the wall-clock limit, writing its exit code
 * next to the log so the backend can tell a time-out (124) from the script's own failure.
 */

/** Quotes one word for POSIX sh. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=,+@%-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Exit code `timeout` reports when it had to stop the command. */
export const TIMEOUT_EXIT = 124;

/** The batch script text. `sandbox` is the argv from `sandboxArgv`; `exitFile` is on the shared FS. */
export function batchScript(job: Job, sandbox: string[], exitFile: string): string {
  const command = ['/usr/bin/timeout', '-k', '5', `${job.limits.timeSeconds}s`, ...sandbox].map(shellQuote);
  return [
    '#!/bin/sh',
    `# OpenEHDS job ${job.id} under permit ${job.permitId}`,
    command.join(' '),
    'code=$?',
    `printf '%s\\n' "$code" > ${shellQuote(exitFile)}`,
    'exit $code',
    '',
  ].join('\n');
}

/** Slurm's own time limit in whole minutes: the job's limit plus a margin, so `timeout` acts first. */
export function slurmMinutes(timeSeconds: number): number {
  return Math.ceil((timeSeconds + 60) / 60);
}

import type { FailureReason, JobLimits, JobStatus } from './types';

/**
 * Turns how a sandboxed process ended into a status a data user can act on. bubblewrap reports a
 * child killed by a signal as 128 + signal; prlimit's RLIMIT_CPU sends SIGXCPU. A memory limit shows
 * up as the interpreter's own out-of-memory error (RLIMIT_AS makes allocations fail rather than the
 * kernel killing), so it is recognised from the end of the log.
 */

const SIGKILL = 9;
const SIGXCPU = 24;

const OUT_OF_MEMORY = [
  /\bMemoryError\b/, // Python
  /cannot allocate (vector|memory)/i, // R
  /heap out of memory|Array buffer allocation failed|allocation failed/i, // node
  /std::bad_alloc|Cannot allocate memory|out of memory/i,
];

/** How the process ended, as seen by the backend. */
export interface ExitFacts {
  /** Exit code of the outer process (bwrap or the batch script), if it exited. */
  code: number | null;
  /** Signal that ended the outer process, if any. */
  signal?: string | null;
  /** The wall-clock limit was reached and we killed the job. */
  timedOut?: boolean;
  /** A user or operator cancelled it. */
  cancelled?: boolean;
  /** The last few KiB of the log. */
  logTail: string;
  limits: JobLimits;
}

/** The final status for a process that has ended. */
export function classifyExit(facts: ExitFacts): Pick<JobStatus, 'state' | 'exitCode' | 'reason' | 'message'> {
  const { code, limits } = facts;
  const exitCode = code ?? undefined;
  if (facts.cancelled) return { state: 'cancelled', exitCode, message: 'cancelled' };
  if (facts.timedOut) return fail('time-limit', `killed at the ${limits.timeSeconds} s time limit`, exitCode);
  if (code === 0) return { state: 'succeeded', exitCode: 0 };
  if (OUT_OF_MEMORY.some((re) => re.test(facts.logTail)))
    return fail('memory-limit', `ran out of its ${limits.memoryMb} MB memory limit`, exitCode);
  if (code === 128 + SIGXCPU)
    return fail('cpu-limit', `used up its ${limits.cpus * limits.timeSeconds} CPU seconds`, exitCode);
  if (facts.signal || (code !== null && code > 128 && code < 160)) {
    const sig = facts.signal ?? `signal ${code! - 128}`;
    return fail('signal', `ended by ${sig}${code === 128 + SIGKILL ? ' (killed)' : ''}`, exitCode);
  }
  return fail('exit-code', `exited with code ${code}`, exitCode);
}

function fail(reason: FailureReason, message: string, exitCode: number | undefined) {
  return { state: 'failed' as const, reason, message, exitCode };
}

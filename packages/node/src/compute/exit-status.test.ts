import { describe, expect, it } from 'vitest';
import { classifyExit } from './exit-status';

const limits = { cpus: 1, memoryMb: 256, timeSeconds: 5 };

describe('classifyExit', () => {
  it('tells success, cancellation and the time limit apart', () => {
    expect(classifyExit({ code: 0, logTail: '', limits })).toEqual({ state: 'succeeded', exitCode: 0 });
    expect(classifyExit({ code: null, signal: 'SIGKILL', cancelled: true, logTail: '', limits }).state).toBe(
      'cancelled',
    );
    expect(
      classifyExit({ code: null, signal: 'SIGKILL', timedOut: true, logTail: '', limits }),
    ).toMatchObject({
      state: 'failed',
      reason: 'time-limit',
      message: 'killed at the 5 s time limit',
    });
  });

  it('recognises each interpreter’s out-of-memory message', () => {
    for (const tail of [
      'Traceback …\nMemoryError\n',
      'Error: cannot allocate vector of size 762.9 Mb\n',
      'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
    ])
      expect(classifyExit({ code: 1, logTail: tail, limits }).reason, tail).toBe('memory-limit');
  });

  it('reports SIGXCPU as the CPU limit, other signals as signals, and plain codes as codes', () => {
    expect(classifyExit({ code: 152, logTail: '', limits }).reason).toBe('cpu-limit');
    expect(classifyExit({ code: 137, logTail: '', limits })).toMatchObject({
      reason: 'signal',
      message: 'ended by signal 9 (killed)',
    });
    expect(classifyExit({ code: 2, logTail: 'usage', limits })).toMatchObject({
      reason: 'exit-code',
      exitCode: 2,
    });
  });
});

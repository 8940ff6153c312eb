import { describe, expect, it } from 'vitest';
import { ApiError } from '@openehds/client';
import {
  anyLive,
  DEFAULT_LIMITS,
  fieldErrors,
  jobBadge,
  languageOfFile,
  parseArgs,
  parseLimits,
} from './job-rules';

describe('jobs UI rules', () => {
  it('gives each status words and a tone, and polls while a job may change', () => {
    expect(jobBadge('SUCCEEDED')).toEqual({ text: 'Succeeded', tone: 'ok' });
    expect(jobBadge('FAILED').tone).toBe('bad');
    expect(anyLive([{ status: 'SUCCEEDED' }, { status: 'RUNNING' }])).toBe(true);
    expect(anyLive([{ status: 'CANCELLED' }])).toBe(false);
  });

  it('reads limits as whole numbers, names the fields that are not, and arguments one per line', () => {
    expect(parseLimits(DEFAULT_LIMITS)).toEqual({
      limits: { cpus: 1, memoryMb: 1024, timeSeconds: 3600, gpus: 0 },
    });
    expect(parseLimits({ ...DEFAULT_LIMITS, cpus: '1.5', gpus: '' })).toEqual({
      errors: { cpus: 'Give a whole number.', gpus: 'Give a whole number.' },
    });
    expect(parseArgs('a\n\n  b c \n')).toEqual(['a', 'b c']);
    expect(languageOfFile('model.R')).toBe('r');
    expect(languageOfFile('notes.txt')).toBeNull();
  });

  it('finds the hub’s messages for a field', () => {
    const error = new ApiError(400, {
      detail: 'invalid',
      issues: [
        { path: 'limits.cpus', message: 'too big' },
        { path: 'script', message: 'required' },
      ],
    } as never);
    expect(fieldErrors(error, 'limits')).toEqual(['too big']);
    expect(fieldErrors(error, 'script')).toEqual(['required']);
    expect(fieldErrors(new Error('x'), 'script')).toEqual([]);
  });
});

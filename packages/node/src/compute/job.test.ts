import { describe, expect, it } from 'vitest';
import { AppError } from '@openehds/core';
import { parseJob } from './job';

const valid = {
  id: 'job-1',
  permitId: 'P-2027-0042-FI',
  language: 'python',
  script: 'print(1)',
  args: [],
  limits: { cpus: 1, memoryMb: 256, timeSeconds: 5 },
  inputDir: '/srv/extracts/P-2027-0042-FI',
  outputDir: '/srv/outputs/job-1',
};

function issues(input: unknown): string[] {
  try {
    parseJob(input);
    return [];
  } catch (error) {
    // One field may carry several messages (its pattern and its normal form): list each field once.
    return [...new Set((error as AppError).issues.map((i) => i.path ?? ''))];
  }
}

describe('parseJob', () => {
  it('accepts a well-formed job', () => {
    expect(parseJob(valid)).toEqual(valid);
  });

  it('refuses traversal and separators in ids and non-normal paths, listing every field', () => {
    expect(
      issues({
        ...valid,
        id: '../x',
        permitId: 'P/1',
        inputDir: '/srv/../etc',
        outputDir: 'relative',
      }).sort(),
    ).toEqual(['id', 'inputDir', 'outputDir', 'permitId']);
    expect(issues({ ...valid, outputDir: '/srv/out;rm -rf' })).toEqual(['outputDir']);
    expect(issues({ ...valid, inputDir: '/' })).toContain('inputDir');
  });

  it('refuses an output folder inside the input folder or the other way round', () => {
    expect(issues({ ...valid, outputDir: `${valid.inputDir}/out` })).toEqual(['outputDir']);
    expect(issues({ ...valid, inputDir: '/srv/outputs', outputDir: '/srv/outputs' })).toEqual(['outputDir']);
    expect(issues({ ...valid, inputDir: '/srv/outputs' })).toEqual(['outputDir']);
  });

  it('refuses unknown languages, unknown fields and out-of-range limits', () => {
    expect(issues({ ...valid, language: 'bash' })).toEqual(['language']);
    expect(issues({ ...valid, shell: true })).toEqual(['']);
    expect(issues({ ...valid, limits: { cpus: 0, memoryMb: 1, timeSeconds: 0.5 } }).sort()).toEqual(
      ['limits.cpus', 'limits.memoryMb', 'limits.timeSeconds'].sort(),
    );
  });
});

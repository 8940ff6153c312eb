import { describe, expect, it } from 'vitest';
import { fileSize, progressPercent } from './progress';

describe('progressPercent', () => {
  it('rounds down and reaches 100 only when all is sent', () => {
    expect(progressPercent(999, 1000)).toBe(99);
    expect(progressPercent(1000, 1000)).toBe(100);
    expect(progressPercent(5, 0)).toBe(0);
  });
});

describe('fileSize', () => {
  it('uses decimal units', () => {
    expect(fileSize(512)).toBe('512 B');
    expect(fileSize(1500)).toBe('1.5 kB');
    expect(fileSize(2_500_000_000)).toBe('2.5 GB');
  });
});

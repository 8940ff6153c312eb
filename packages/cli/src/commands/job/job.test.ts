import { describe, expect, it } from 'vitest';
import { AppError } from '@openehds/core';
import { jobsClientFor, languageOf, limitsOf } from './options';

describe('ehds job options', () => {
  it('tells the language from the extension, or takes the one given', () => {
    expect(languageOf('analysis.py')).toBe('python');
    expect(languageOf('model.R')).toBe('r');
    expect(languageOf('tables.mjs')).toBe('javascript');
    expect(languageOf('run.txt', 'r')).toBe('r');
    expect(() => languageOf('run.sh')).toThrow(/give --language/);
    expect(() => languageOf('run.py', 'cobol')).toThrow(/not one of/);
  });

  it('reads limits as whole numbers and names every bad flag', () => {
    expect(limitsOf({ cpus: '2', time: '600' })).toEqual({ cpus: 2, timeSeconds: 600 });
    expect(limitsOf({})).toEqual({});
    try {
      limitsOf({ cpus: 'two', gpus: '-1', memoryMb: '512' });
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).issues.map((i) => i.path)).toEqual(['--cpus', '--gpus']);
    }
  });

  it('needs a hub and a token, and says where to get them', () => {
    const saved = { hub: process.env.EHDS_HUB_URL, token: process.env.EHDS_TOKEN };
    delete process.env.EHDS_HUB_URL;
    delete process.env.EHDS_TOKEN;
    try {
      expect(() => jobsClientFor({})).toThrow(/--hub URL or EHDS_HUB_URL/);
      expect(() => jobsClientFor({ hub: 'http://hub.test' })).toThrow(/API tokens/);
      expect(jobsClientFor({ hub: 'http://hub.test', token: 't' }).submit).toBeTypeOf('function');
    } finally {
      if (saved.hub !== undefined) process.env.EHDS_HUB_URL = saved.hub;
      if (saved.token !== undefined) process.env.EHDS_TOKEN = saved.token;
    }
  });
});

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { batchScript, shellQuote, slurmMinutes } from './batch-script';
import type { Job } from '../types';

describe('batch script', () => {
  it('quotes every word so that sh hands it back unchanged', () => {
    const words = ['plain', 'a b', "it's", '$(touch /tmp/pwned)', '`id`', 'x;y', '', 'ünï'];
    const echoed = execFileSync('/bin/sh', [
      '-c',
      `printf '%s\\n' ${words.map(shellQuote).join(' ')}`,
    ]).toString();
    expect(echoed).toBe(words.map((w) => `${w}\n`).join(''));
  });

  it('runs the sandbox under timeout and records its exit code', () => {
    const job = { id: 'j', permitId: 'P', limits: { timeSeconds: 90 } } as Job;
    const script = batchScript(job, ['/usr/bin/bwrap', '--', 'python3', 'a b'], '/w/j/exit-code');
    expect(script.split('\n')[2]).toBe("/usr/bin/timeout -k 5 90s /usr/bin/bwrap -- python3 'a b'");
    expect(script).toContain(`printf '%s\\n' "$code" > /w/j/exit-code`);
    expect(slurmMinutes(90)).toBe(3);
    expect(slurmMinutes(1)).toBe(2);
  });
});

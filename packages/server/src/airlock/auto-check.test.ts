import { describe, expect, it } from 'vitest';
import { DEFAULT_SDC_POLICY } from '@openehds/core';
import { checkOutputFile } from './auto-check';

const check = (name: string, mediaType: string, text: string) =>
  checkOutputFile({ name, mediaType, content: Buffer.from(text) }, DEFAULT_SDC_POLICY, 'FI-2026-000001');

// The engine's verdict on the outputs a job leaves in the airlock, before any person looks.
describe('automatic output checks', () => {
  it('checks the count columns of a CSV table cell by cell', () => {
    expect(check('t.csv', 'text/csv', 'group,n\na,40\nb,55\n')).toMatchObject({
      kind: 'table',
      outcome: 'pass',
    });
    const small = check('t.csv', 'text/csv', 'group,n,mean_age\na,40,61.2\nb,3,70.1\n');
    expect(small).toMatchObject({
      outcome: 'fail',
      summary: expect.stringMatching(/2 count cells would be suppressed: below the threshold of 10/),
    });
    expect(small.record).toMatchObject({ kind: 'table' });
    expect(check('t.csv', 'text/csv', 'group,case_count\n"a, b",42\n')).toMatchObject({
      outcome: 'fail',
      summary: expect.stringMatching(/not rounded to 5/),
    });
    expect(check('t.csv', 'text/csv', 'group,n\na,many\n').summary).toMatch(/line 2: a count column/);
    expect(check('t.csv', 'text/csv', 'year,value\n2020,3\n')).toMatchObject({ outcome: 'review' });
  });

  it('checks model summaries and leaves what it cannot read to people', () => {
    const ok = JSON.stringify({ observations: 400, parameters: 4, classCounts: { yes: 120, no: 280 } });
    expect(check('model.json', 'application/json', ok)).toMatchObject({ kind: 'model', outcome: 'pass' });
    const saturated = JSON.stringify({ observations: 12, parameters: 11 });
    expect(check('model.json', 'application/json', saturated)).toMatchObject({
      kind: 'model',
      outcome: 'fail',
      summary: expect.stringMatching(/residual degrees of freedom|parameters/),
    });
    expect(check('plot.png', 'image/png', 'PNG')).toMatchObject({ kind: 'other', outcome: 'review' });
  });
});

import { describe, expect, it } from 'vitest';
import { SdcRecord } from '@openehds/core';
import { checkModel } from './models';
import { SdcRefusal } from './record';
import { permitContext } from './testing';

describe('checkModel', () => {
  const { ctx } = permitContext();

  it('passes a model with enough residual degrees of freedom, levels and classes', () => {
    const { record } = checkModel(
      {
        observations: 500,
        parameters: 6,
        levelCounts: { sex: { F: 260, M: 240 } },
        classCounts: { '0': 410, '1': 90 },
      },
      ctx,
    );
    expect(SdcRecord.parse(record).outcome).toBe('released');
    expect(record.rules.filter((r) => r.outcome === 'refused')).toEqual([]);
  });

  it('refuses too few residual degrees of freedom and too many parameters, listing both', () => {
    try {
      checkModel({ observations: 30, parameters: 25 }, ctx);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SdcRefusal);
      const err = e as SdcRefusal;
      expect(err.kind).toBe('forbidden');
      expect(err.issues.map((i) => i.message).join(' ')).toMatch(
        /degrees of freedom 5 < 10.*0.33 per observation/,
      );
      expect(err.record.rules.filter((r) => r.outcome === 'refused').map((r) => r.rule)).toEqual([
        'min-residual-dof',
        'parameter-cap',
      ]);
    }
  });

  it('applies the DataSHIELD cap even when residual DoF are fine', () => {
    expect(() => checkModel({ observations: 60, parameters: 25 }, ctx)).toThrow(/0.33 per observation/);
  });

  it('refuses a sparse factor level, a small outcome class and a small tree leaf', () => {
    expect(() =>
      checkModel(
        { observations: 500, parameters: 5, levelCounts: { region: { north: 490, islands: 4 } } },
        ctx,
      ),
    ).toThrow(/level islands of region/);
    expect(() =>
      checkModel({ observations: 500, parameters: 5, classCounts: { yes: 6, no: 494 } }, ctx),
    ).toThrow(/outcome class yes/);
    expect(() => checkModel({ observations: 500, parameters: 5, leafSizes: [200, 297, 3] }, ctx)).toThrow(
      /min_samples_leaf/,
    );
  });
});

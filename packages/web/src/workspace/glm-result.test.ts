import { describe, expect, it } from 'vitest';
import { formatP, formatStat, glmView, refusalReason, requestSummary, sdcSummaries } from './glm-result';

const record = (
  outcome: 'released' | 'refused',
  rules: { rule: string; outcome: string; note?: string }[],
) => ({
  schema: 'openehds.sdc-record/1',
  kind: 'model',
  outcome,
  rules: rules.map((r) => ({ target: '$', params: {}, ...r })),
});

describe('the GLM result', () => {
  it('reads the contract shape (se, z, p) and the analytics shape (stdError, statistic, pValue) alike', () => {
    const contract = glmView({
      coefficients: [{ name: '(Intercept)', estimate: -4.2, se: 0.31, z: -13.5, p: 1e-30 }],
      deviance: 812.4,
      AIC: 820.4,
      n: 1500,
      iterations: 5,
    })!;
    expect(contract.coefficients[0]).toEqual({
      name: '(Intercept)',
      estimate: -4.2,
      se: 0.31,
      statistic: -13.5,
      p: 1e-30,
    });
    expect(contract).toMatchObject({ statisticName: 'z', n: 1500, iterations: 5, aic: 820.4 });
    const analytics = glmView({
      family: 'gaussian',
      statistic: 't',
      coefficients: [{ name: 'age', estimate: 0.05, stdError: 0.01, statistic: 5, pValue: 0.0004 }],
      aic: 10,
      n: 30,
      iterations: 2,
      converged: true,
      warnings: ['w'],
    })!;
    expect(analytics.coefficients[0]).toEqual({
      name: 'age',
      estimate: 0.05,
      se: 0.01,
      statistic: 5,
      p: 0.0004,
    });
    expect(analytics).toMatchObject({ statisticName: 't', converged: true, warnings: ['w'] });
    expect(glmView({ table: [] })).toBeNull();
  });

  it('formats estimates to four significant digits and p-values as journals do', () => {
    expect(formatStat(0.0123456)).toBe('0.01235');
    expect(formatStat(-13.5)).toBe('-13.5');
    expect(formatStat(null)).toBe('—');
    expect(formatStat(2.5e-7)).toBe('2.500×10^-7');
    expect(formatP(1e-30)).toBe('< 0.001');
    expect(formatP(0.0456)).toBe('0.046');
  });
});

describe('disclosure records and refusals', () => {
  it('summarises each node: released or refused, checks by outcome, the refused rules with notes', () => {
    const s = sdcSummaries([
      {
        nodeName: 'Helsinki',
        record: record('released', [
          { rule: 'min-residual-dof', outcome: 'passed' },
          { rule: 'parameter-cap', outcome: 'passed' },
        ]),
      },
      {
        nodeId: 'n-2',
        record: record('refused', [
          { rule: 'min-residual-dof', outcome: 'refused', note: '4 residual df < 10' },
        ]),
      },
    ]);
    expect(s).toEqual([
      { who: 'Helsinki', outcome: 'released', counts: { passed: 2 }, reasons: [] },
      {
        who: 'n-2',
        outcome: 'refused',
        counts: { refused: 1 },
        reasons: ['min-residual-dof: 4 residual df < 10'],
      },
    ]);
    // A single record (not a list) is one summary.
    expect(sdcSummaries(record('released', []))).toHaveLength(1);
    expect(sdcSummaries(null)).toEqual([]);
  });

  it("reads the hub's per-node entries: status, message and every round's record", () => {
    const s = sdcSummaries([
      {
        nodeId: 'n1',
        nodeName: 'Helsinki',
        status: 'ok',
        message: null,
        records: [
          record('released', [{ rule: 'threshold', outcome: 'passed' }]),
          record('released', [{ rule: 'min-residual-dof', outcome: 'passed' }]),
        ],
      },
      {
        nodeId: 'n2',
        nodeName: 'Lyon',
        status: 'unavailable',
        message: 'the node did not answer in time',
        records: [],
      },
      {
        nodeId: 'n3',
        nodeName: 'Berlin',
        status: 'refused',
        message: null,
        records: [
          record('refused', [
            { rule: 'parameter-cap', outcome: 'refused', note: '12 parameters for 40 persons' },
          ]),
        ],
      },
    ]);
    expect(s).toEqual([
      { who: 'Helsinki', outcome: 'released', counts: { passed: 2 }, reasons: [] },
      { who: 'Lyon', outcome: 'error', counts: {}, reasons: ['the node did not answer in time'] },
      {
        who: 'Berlin',
        outcome: 'refused',
        counts: { refused: 1 },
        reasons: ['parameter-cap: 12 parameters for 40 persons'],
      },
    ]);
  });

  it('explains a refusal by its error, else by the refused rules', () => {
    expect(refusalReason({ status: 'DONE', error: null, sdc: null })).toBeNull();
    expect(refusalReason({ status: 'FAILED', error: { message: 'node timed out' }, sdc: null })).toBe(
      'node timed out',
    );
    const sdc = [
      {
        nodeName: 'Lyon',
        record: record('refused', [
          { rule: 'parameter-cap', outcome: 'refused', note: 'too many parameters' },
        ]),
      },
    ];
    expect(refusalReason({ status: 'REFUSED', error: null, sdc })).toBe(
      'Lyon: parameter-cap: too many parameters',
    );
    expect(requestSummary({ kind: 'glm', formula: 'y ~ x', family: 'binomial' })).toBe('y ~ x · binomial');
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { mergeSdcPolicy } from './merge';
import { DEFAULT_SDC_POLICY, SdcPolicy } from './policy';
import { SdcRecord } from './record';

describe('mergeSdcPolicy', () => {
  it('returns the HDAB policy unchanged when the dataset has no override', () => {
    expect(mergeSdcPolicy(DEFAULT_SDC_POLICY)).toEqual(DEFAULT_SDC_POLICY);
  });

  it('lays dataset overrides on top field by field and names both parts', () => {
    const merged = mergeSdcPolicy(DEFAULT_SDC_POLICY, {
      id: 'rare-disease-registry',
      version: '3',
      threshold: 20,
      audiences: { anonymous: { allowed: false } },
      dp: { enabled: true, budget: { epsilon: 1 } },
    });
    expect(merged.threshold).toBe(20);
    expect(merged.audiences.anonymous).toEqual({ allowed: false, minCount: 10, roundTo: 10 });
    expect(merged.audiences.registered).toEqual(DEFAULT_SDC_POLICY.audiences.registered);
    expect(merged.dp.enabled).toBe(true);
    expect(merged.dp.budget).toEqual({ epsilon: 1, delta: 1e-5 });
    expect(merged.id).toBe('openehds-default/rare-disease-registry');
    expect(merged.version).toBe('1/3');
  });

  it('replaces the (n,k) rule list whole rather than merging index by index', () => {
    const merged = mergeSdcPolicy(DEFAULT_SDC_POLICY, {
      id: 'abs',
      version: '1',
      dominance: {
        nk: [
          { n: 1, k: 0.5 },
          { n: 2, k: 0.67 },
        ],
      },
    });
    expect(merged.dominance.nk).toEqual([
      { n: 1, k: 0.5 },
      { n: 2, k: 0.67 },
    ]);
    expect(merged.dominance.pRatio).toBe(0.1);
  });

  it('refuses an invalid HDAB policy listing the field at fault', () => {
    try {
      mergeSdcPolicy({ ...DEFAULT_SDC_POLICY, threshold: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).kind).toBe('invalid');
      expect((e as AppError).issues.map((i) => i.path)).toContain('threshold');
    }
  });

  it('refuses unknown override keys (a client-supplied seed has no place in a policy)', () => {
    expect(() => mergeSdcPolicy(DEFAULT_SDC_POLICY, { id: 'x', version: '1', seed: 42 })).toThrow(AppError);
  });

  it('the defaults satisfy their own schema', () => {
    expect(SdcPolicy.parse(DEFAULT_SDC_POLICY)).toEqual(DEFAULT_SDC_POLICY);
  });
});

describe('SdcRecord schema', () => {
  it('accepts a well-formed record and rejects one without a policy hash', () => {
    const record = {
      schema: 'openehds.sdc-record/1',
      kind: 'count',
      at: '2027-01-01T00:00:00.000Z',
      policy: { id: 'p', version: '1', hash: 'a'.repeat(64) },
      audience: 'anonymous',
      outcome: 'released',
      rules: [{ rule: 'threshold', target: '$', outcome: 'passed', params: { threshold: 10 } }],
      outputHash: 'b'.repeat(64),
    };
    expect(SdcRecord.safeParse(record).success).toBe(true);
    expect(SdcRecord.safeParse({ ...record, policy: { id: 'p', version: '1' } }).success).toBe(false);
  });
});

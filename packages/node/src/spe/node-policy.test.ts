import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SDC_POLICY } from '@openehds/core';
import { loadPolicyOverride, NODE_SDC_POLICY_FILE, nodePolicy } from './node-policy';

// A data holder may tighten the HDAB's disclosure control for its dataset, never loosen it (Art. 73(2)).
describe('the policy at a node', () => {
  it('takes a tightening override and names the dataset in the policy id', () => {
    const p = nodePolicy(DEFAULT_SDC_POLICY, {
      id: 'fi-biobank',
      version: '2',
      threshold: 20,
      audiences: { anonymous: { roundTo: 20 }, registered: { allowed: false } },
      repeats: { maxRepeats: 3 },
    });
    expect(p).toMatchObject({ id: 'openehds-default/fi-biobank', version: '1/2', threshold: 20 });
    expect(p.audiences.anonymous.roundTo).toBe(20);
    expect(p.audiences.registered.allowed).toBe(false);
  });

  it('refuses an override that loosens, listing every loosened field', () => {
    let issues: { path?: string }[] = [];
    try {
      nodePolicy(DEFAULT_SDC_POLICY, {
        id: 'x',
        version: '1',
        threshold: 5,
        zeros: 'release',
        audiences: { anonymous: { roundTo: 5 } },
        cellKey: { enabled: false },
        differencing: { mode: 'noise' },
        dominance: { nk: [] },
        repeats: { maxRepeats: 100 },
      });
    } catch (e) {
      issues = (e as { issues: { path?: string }[] }).issues;
    }
    expect(issues.map((i) => i.path).sort()).toEqual([
      'audiences.anonymous.roundTo',
      'cellKey.enabled',
      'differencing.mode',
      'dominance.nk',
      'repeats.maxRepeats',
      'threshold',
      'zeros',
    ]);
  });

  it('reads the override from the data dir, and says what is wrong with a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ehds-node-policy-'));
    try {
      expect(loadPolicyOverride(dir)).toBeUndefined();
      writeFileSync(
        join(dir, NODE_SDC_POLICY_FILE),
        JSON.stringify({ id: 'd', version: '1', threshold: 15 }),
      );
      expect(loadPolicyOverride(dir)).toEqual({ id: 'd', version: '1', threshold: 15 });
      writeFileSync(join(dir, NODE_SDC_POLICY_FILE), JSON.stringify({ id: 'd', version: '1', treshold: 15 }));
      expect(() => loadPolicyOverride(dir)).toThrow(/not a disclosure-control override/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

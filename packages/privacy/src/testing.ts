import { DEFAULT_SDC_POLICY, type Audience, type SdcPolicy, type SdcPolicyOverride } from '@openehds/core';
import type { ReleaseContext } from './context';
import { InMemoryQueryHistory } from './history';
import { InMemoryBudgetLedger } from './ledger';
import { effectivePolicy } from './policy';
import { seededRng } from './rng';

/** Test helper: the default policy with some overrides. */
export function policyWith(changes: Omit<SdcPolicyOverride, 'id' | 'version'> = {}): SdcPolicy {
  return effectivePolicy(DEFAULT_SDC_POLICY, { id: 'test', version: '1', ...changes });
}

/** Test helper: a permit-holder context with fresh in-memory history and ledger and a seeded rng. */
export function permitContext(policy: SdcPolicy = DEFAULT_SDC_POLICY, extra: Partial<ReleaseContext> = {}) {
  const history = new InMemoryQueryHistory();
  const ledger = new InMemoryBudgetLedger();
  const ctx: ReleaseContext = {
    policy,
    audience: 'permit_holder',
    permitId: 'P-2027-0042-FI',
    history,
    ledger,
    rng: seededRng('tests'),
    cellKeySecret: 'node-secret-for-tests',
    now: new Date('2027-03-01T12:00:00Z'),
    ...extra,
  };
  return { ctx, history, ledger };
}

/** Test helper: a context without a permit. */
export function publicContext(audience: Audience, policy: SdcPolicy = DEFAULT_SDC_POLICY): ReleaseContext {
  return { policy, audience, cellKeySecret: 'node-secret-for-tests', now: new Date('2027-03-01T12:00:00Z') };
}

/** Test helper: ids from..to−1. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

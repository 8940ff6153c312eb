import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { DEFAULT_SDC_POLICY, type CohortDefinitionInput, type SignedDocument } from '@openehds/core';
import { storePermit, type RegisteredPermit } from '../permits/registry';
import { nationalIdPseudonym } from '../opt-out/pseudonym';
import { applyOptOutKey, applyOptOutSync } from '../opt-out/sync';
import { reconcileExtracts } from '../extract/reconcile';
import { FIXTURE_ID_SYSTEM, ingestPersons } from '../extract/test-fixture';
import { runCohortCount, type CohortCountResult } from './cohort-count';
import { StoreQueryHistory } from './sdc-store';

const KEY = 'opt-out-key-for-tests-0123456789abcdef';
const KEY_ID = '0123456789abcdef';
const PERMIT = 'FI-2030-000001';
const T = (day: number) => new Date(Date.UTC(2030, 0, day)).toISOString();
const N = 40;

/** Persons 1..N; person i has condition `X<i>` (so "any of X1..Xn" is exactly n persons) and, for i ≤ 25, E11. */
const nid = (i: number) => `FI-S9-${String(i).padStart(7, '0')}`;
const anyOf = (codes: string[]): CohortDefinitionInput => ({
  inclusion: [{ criteria: [{ type: 'condition', codes: { vocabulary: 'SNOMED', codes } }] }],
});
const firstN = (n: number) => anyOf(Array.from({ length: n }, (_, i) => `X${i + 1}`));
const diabetes: CohortDefinitionInput = {
  name: 'type 2 diabetes',
  inclusion: [{ criteria: [{ type: 'condition', codes: { vocabulary: 'ICD10', codes: ['E11'] } }] }],
};
/** The same cohort minus person 1: the classic differencing attack. */
const diabetesButOne: CohortDefinitionInput = {
  ...diabetes,
  name: 'type 2 diabetes, but not X1',
  exclusion: [{ criteria: [{ type: 'condition', codes: { vocabulary: 'SNOMED', codes: ['X1'] } }] }],
};

function permit(): RegisteredPermit {
  return {
    permitId: PERMIT,
    rootId: PERMIT,
    previousId: null,
    version: 1,
    revision: 1,
    status: 'GRANTED',
    validFrom: T(1),
    validUntil: '2040-01-01T00:00:00.000Z',
    activeFrom: T(2),
    activeUntil: null,
    renewals: 0,
    datasets: ['fi-biobank'],
    persons: [],
    signed: {
      type: 'openehds.permit/v1',
      document: { permitNumber: PERMIT, datasets: [{ datasetId: 'fi-biobank' }], optOutException: {} },
    } as unknown as SignedDocument,
    receivedAt: T(2),
  };
}

// A feasibility count at a node (issue 4 §1, §2): counted on the real DuckDB store, released through the
// disclosure-control engine with the node's own secret and a persisted per-permit history.
describe('cohort.count at a node', () => {
  let dir: string;
  let path: string;
  let store: NodeStore;
  const personOf = new Map<number, number>();
  const count = (cohort: CohortDefinitionInput, extra: Record<string, unknown> = {}) =>
    runCohortCount({ cohort, audience: 'anonymous', policy: DEFAULT_SDC_POLICY, ...extra }, { store });
  const idxOf = async (i: number) =>
    (
      await store.all<{ idx: number }>('SELECT idx FROM sdc_person_index WHERE person_id = $1', [
        personOf.get(i)!,
      ])
    )[0]!.idx;
  const underPermit = (cohort: CohortDefinitionInput) =>
    count(cohort, { audience: 'permit_holder', permitId: PERMIT });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ehds-spe-count-'));
    path = join(dir, 'node.duckdb');
    store = await openNodeStore(path);
    await ingestPersons(
      store,
      'fi-biobank',
      Array.from({ length: N }, (_, k) => ({ id: `p${k + 1}`, nationalId: nid(k + 1) })),
    );
    const rows = await store.all<{ person_id: number; value: string }>(
      'SELECT person_id, value FROM person_identifier WHERE system = $1',
      [FIXTURE_ID_SYSTEM],
    );
    for (const r of rows) personOf.set(Number(r.value.slice(-7)), Number(r.person_id));
    let rowId = 1;
    const condition = (i: number, code: string, vocabulary: string) =>
      store.run(
        `INSERT INTO condition_occurrence (condition_occurrence_id, person_id, condition_concept_id,
           condition_start_date, condition_type_concept_id, condition_source_value, ehds_vocabulary)
         VALUES ($1, $2, 0, DATE '2020-01-01', 32817, $3, $4)`,
        [rowId++, personOf.get(i)!, code, vocabulary],
      );
    for (let i = 1; i <= N; i++) {
      await condition(i, `X${i}`, 'SNOMED');
      if (i <= 25) await condition(i, 'E11', 'ICD10');
    }
    // A permit over the dataset, approved on day 2; person 40 opted out on day 1 (before the approval).
    await applyOptOutKey(store, {
      keyId: KEY_ID,
      algorithm: 'HMAC-SHA256',
      format: 'national-id-v1',
      key: KEY,
    });
    await applyOptOutSync(store, {
      keyId: KEY_ID,
      full: true,
      fromSeq: 0,
      toSeq: 1,
      asOf: T(10),
      periods: [{ pseudonym: nationalIdPseudonym(KEY, nid(40)), optedOutAt: T(1), reversedAt: null }],
    });
    await storePermit(store, permit());
    const r = await reconcileExtracts({
      store,
      identifierSystem: FIXTURE_ID_SYSTEM,
      send: async () => ({ recorded: true }),
      clock: () => new Date(T(20)),
    });
    expect(r.prepared).toEqual([PERMIT]);
  });
  afterAll(() => {
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never releases a count of 1..k−1, rounds to the audience base, and suppresses small cohorts', async () => {
    expect(personOf.size).toBe(N);
    for (let n = 1; n <= N; n++) {
      const r = await count(firstN(n));
      expect(r.status, `n=${n}`).toBe('ok');
      if (r.status !== 'ok') continue;
      // Anonymous: threshold 10, rounded to 10 (DEFAULT_SDC_POLICY), cell-key noise at most ±2.
      if (r.value !== null) {
        expect(r.value, `n=${n}`).toBeGreaterThanOrEqual(10);
        expect(r.value % 10, `n=${n}`).toBe(0);
        expect(Math.abs(r.value - n), `n=${n}`).toBeLessThanOrEqual(2 + 5);
      }
      if (n <= 7) expect(r, `n=${n}`).toMatchObject({ value: null, suppressed: true });
      if (n >= 13) expect(r.suppressed, `n=${n}`).toBe(false);
    }
    // A cohort nobody matches is suppressed like a small one, and the record does not say which.
    const none = await count(anyOf(['NOBODY']));
    expect(none).toMatchObject({ status: 'ok', value: null, suppressed: true });
    const small = await count(firstN(3));
    expect(none.record.rules.map((r) => [r.rule, r.outcome])).toEqual(
      small.record.rules.map((r) => [r.rule, r.outcome]),
    );
    expect(none.record.rules.some((r) => r.rule === 'zeros')).toBe(false);
    expect(none.record.rules).toContainEqual(
      expect.objectContaining({ rule: 'suppression', target: '$', outcome: 'suppressed' }),
    );
  });

  it('answers the same cohort the same way (cell-key noise cannot be averaged away) and sends no persons', async () => {
    const a = await count(diabetes);
    const b = await count(diabetes);
    expect(a.value).toBe(b.value);
    expect(a).toMatchObject({
      status: 'ok',
      suppressed: false,
      record: { outcome: 'released', kind: 'count' },
    });
    expect(Object.keys(a).sort()).toEqual(['record', 'status', 'suppressed', 'value']);
    expect(a.record.rules.map((r) => r.rule)).toEqual(
      expect.arrayContaining(['audience', 'cell-key', 'threshold', 'rounding']),
    );
    expect(JSON.stringify(a)).not.toMatch(/personIds|"count":/);
    expect(a.record.label).toBe('type 2 diabetes');
  });

  it('counts only the persons of the permit extract under a permit (opted-out person 40 is not there)', async () => {
    const r = await underPermit(firstN(N));
    expect(r).toMatchObject({
      status: 'ok',
      suppressed: false,
      record: { permitId: PERMIT, audience: 'permit_holder' },
    });
    const [entry] = await new StoreQueryHistory(store).list(PERMIT);
    expect(entry!.cohort.length).toBe(N - 1);
    expect([...entry!.cohort]).not.toContain(await idxOf(40));
    expect([...entry!.cohort]).toContain(await idxOf(39));
  });

  it('refuses the differencing attack under a permit: A, then A minus one person', async () => {
    const a = await underPermit(diabetes);
    expect(a.status).toBe('ok');
    const attack = await underPermit(diabetesButOne);
    expect(attack).toMatchObject({
      status: 'refused',
      value: null,
      refusal: 'conflict',
      record: { outcome: 'refused', permitId: PERMIT },
    });
    expect((attack as Extract<CohortCountResult, { status: 'refused' }>).message).toMatch(
      /differs from one already answered under permit .* by fewer than 10/,
    );
    expect(attack.record.rules).toContainEqual(
      expect.objectContaining({ rule: 'differencing', outcome: 'refused' }),
    );
    // Without a permit there is no history to compare with: the anonymous view relies on threshold and noise.
    expect((await count(diabetesButOne)).status).toBe('ok');
  });

  it('keeps the history across a restart: the attack stays refused, repeats stay counted', async () => {
    store.close();
    store = await openNodeStore(path);
    const history = await new StoreQueryHistory(store).list(PERMIT);
    expect(history.length).toBe(2);
    expect((await underPermit(diabetesButOne)).status).toBe('refused');
    // Repeat lockout: 7 answers in 30 days, then refused (i2b2); one was given before the restart.
    const outcomes: string[] = [];
    for (let i = 0; i < 7; i++) outcomes.push((await underPermit(diabetes)).status);
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'refused']);
  });

  it('runs counts of one permit one at a time, so two attacks sent together cannot both pass', async () => {
    // Persons 26..39 and 26..38: far from every earlier cohort of the permit, one apart from each other.
    const range = (from: number, to: number) =>
      anyOf(Array.from({ length: to - from + 1 }, (_, i) => `X${from + i}`));
    const results = await Promise.all([underPermit(range(26, 39)), underPermit(range(26, 38))]);
    expect(results.map((r) => r.status).sort()).toEqual(['ok', 'refused']);
  });

  it('refuses audiences the HDAB does not show counts to, as a result rather than a crash', async () => {
    const policy = {
      ...DEFAULT_SDC_POLICY,
      audiences: {
        ...DEFAULT_SDC_POLICY.audiences,
        anonymous: { allowed: false, minCount: 10, roundTo: 10 },
      },
    };
    const r = await count(diabetes, { policy });
    expect(r).toMatchObject({ status: 'refused', refusal: 'forbidden', value: null });
    expect((r as { message: string }).message).toMatch(/sign in/);
  });

  it('fails the task (not a result) for a bad definition, a bad payload or a mismatched audience', async () => {
    await expect(
      count({
        inclusion: [{ criteria: [{ type: 'sex', values: ['robot'] }] }],
      } as unknown as CohortDefinitionInput),
    ).rejects.toThrow(/inclusion\[0\]\.criteria\[0\]\.values\[0\]/);
    await expect(count(diabetes, { permitId: PERMIT })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'audience' })],
    });
    await expect(count(diabetes, { audience: 'permit_holder' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'permitId' })],
    });
    await expect(count(diabetes, { policy: { threshold: 1 } })).rejects.toThrow(
      /HDAB disclosure-control policy/,
    );
    await expect(
      underPermit(diabetes).then(() =>
        count(diabetes, { audience: 'permit_holder', permitId: 'FI-UNKNOWN' }),
      ),
    ).rejects.toThrow(/extract of permit FI-UNKNOWN is not prepared/);
  });

  it('applies a dataset override that tightens the threshold', async () => {
    const tight = await runCohortCount(
      { cohort: firstN(15), audience: 'registered', policy: DEFAULT_SDC_POLICY },
      { store, policyOverride: { id: 'fi-biobank', version: '1', threshold: 25 } },
    );
    expect(tight).toMatchObject({ status: 'ok', value: null, suppressed: true });
    expect(tight.record.policy.id).toBe('openehds-default/fi-biobank');
    const loose = runCohortCount(
      { cohort: firstN(15), audience: 'registered', policy: DEFAULT_SDC_POLICY },
      { store, policyOverride: { id: 'fi-biobank', version: '1', threshold: 3 } },
    );
    await expect(loose).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'threshold' })] });
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDesignSpec,
  fitFederatedGlm,
  fitGlmInProcess,
  openNodeStore,
  type Cell,
  type NodeStore,
} from '@openehds/analytics';
import {
  AnalysisRequest,
  DEFAULT_SDC_POLICY,
  type AnalysisRequestInput,
  type AnalysisTaskBase,
} from '@openehds/core';
import { InMemoryQueryHistory } from '@openehds/privacy';
import { describe as describeFrame } from './describe';
import { buildAnalysisFrame } from './frame';
import { glmDesign, glmRound } from './glm';
import { kmRiskTables } from './km';
import { answer } from './outcome';
import { frequencyTable } from './table';
import { prepareTestExtract, seedSyntheticPersons, syntheticPersons } from './test-fixture';

const VARS = ['person', 'condition_occurrence', 'measurement', 'observation_period', 'death'];
type VariableInput = Extract<AnalysisRequestInput, { kind: 'describe' }>['variables'][string];
const variables: Record<'age' | 'sex' | 'diabetes' | 'bmi', VariableInput> = {
  age: { kind: 'age', at: '2025-01-01' },
  sex: { kind: 'sex' },
  diabetes: { kind: 'condition', codes: { vocabulary: 'ICD10', codes: ['E11'], descendants: true } },
  bmi: { kind: 'measurement', codes: { vocabulary: 'LOINC', codes: ['39156-5'] }, pick: 'last' },
};

const task = (
  permitId: string,
  request: AnalysisRequestInput,
  analysisId = randomUUID(),
): AnalysisTaskBase => ({
  permitId,
  analysisId,
  request: AnalysisRequest.parse(request),
  policy: DEFAULT_SDC_POLICY,
});

// The node's analysis frame and handlers on real DuckDB stores: three nodes of 40–60 persons each.
describe('analysis frame and handlers at a node', () => {
  const stores: NodeStore[] = [];
  const sizes = [60, 45, 50];

  beforeAll(async () => {
    for (const [i, n] of sizes.entries()) {
      const store = await openNodeStore(':memory:');
      stores.push(store);
      await seedSyntheticPersons(store, `ds-${i}`, syntheticPersons(n, 11 + i));
      // Another dataset at the same node that the permit does not name.
      await seedSyntheticPersons(store, `other-${i}`, syntheticPersons(7, 99), 10_000);
      await prepareTestExtract(store, { permitId: 'P-1', datasets: [`ds-${i}`], variables: VARS });
      await prepareTestExtract(store, { permitId: 'P-narrow', datasets: [`ds-${i}`], variables: ['person'] });
    }
    // A tiny permit: 8 persons only.
    const tiny = await openNodeStore(':memory:');
    stores.push(tiny);
    await seedSyntheticPersons(tiny, 'tiny', syntheticPersons(8, 5));
    await prepareTestExtract(tiny, { permitId: 'P-tiny', datasets: ['tiny'], variables: VARS });
  });
  afterAll(() => stores.forEach((s) => s.close()));

  it('keys one row per extract person by pseudonym, derives the variables, and leaves other datasets out', async () => {
    const frame = await buildAnalysisFrame(
      stores[0]!,
      'P-1',
      AnalysisRequest.parse({ kind: 'describe', variables }).variables,
    );
    const persons = syntheticPersons(60, 11);
    expect(frame.pseudonyms).toHaveLength(60);
    expect(new Set(frame.pseudonyms).size).toBe(60);
    expect(frame.pseudonyms.every((p) => /^[A-Za-z0-9_-]{43}$/.test(p))).toBe(true);
    expect(frame.personIds.every((id) => id < 10_000)).toBe(true);
    // Rows follow person ids 1..60, i.e. the seeded order.
    expect(frame.columns.sex).toEqual(persons.map((p) => p.sex));
    expect(frame.columns.diabetes).toEqual(persons.map((p) => (p.diabetes ? 1 : 0)));
    expect(frame.columns.bmi).toEqual(persons.map((p) => p.bmi));
    // Born 15 June: not yet had their birthday on 1 January 2025.
    expect(frame.columns.age).toEqual(persons.map((p) => 2025 - p.birthYear - 1));
  });

  it('restricts events to the permit period', async () => {
    await prepareTestExtract(stores[1]!, {
      permitId: 'P-period',
      datasets: ['ds-1'],
      variables: VARS,
      period: { from: '2015-01-01', to: '2015-01-05' },
    });
    const frame = await buildAnalysisFrame(stores[1]!, 'P-period', { diabetes: variables.diabetes } as never);
    // Every diagnosis is dated from day 30 on: none falls in the first five days.
    expect(frame.columns.diabetes!.every((d) => d === 0)).toBe(true);
  });

  it('refuses a variable kind the permit does not cover, naming it', async () => {
    const out = await answer(() =>
      kmRiskTables(
        stores[0]!,
        task('P-narrow', {
          kind: 'km',
          survival: 'os',
          variables: { os: { kind: 'survival', event: { domain: 'death' } } },
        }),
      ),
    );
    expect(out).toMatchObject({ status: 'refused' });
    expect(out.status === 'refused' && out.message).toMatch(/does not cover .*observation_period and death/);
    const ok = await answer(() =>
      frequencyTable(
        stores[0]!,
        task('P-narrow', { kind: 'table', rows: 'sex', variables: { sex: { kind: 'sex' } } }),
      ),
    );
    expect(ok.status).toBe('ok');
  });

  it('fits a GLM over three nodes that equals the pooled fit of the same frames (1e-6)', async () => {
    const request = {
      kind: 'glm' as const,
      formula: 'diabetes ~ age + sex + bmi',
      family: 'binomial' as const,
      variables,
    };
    const analysisId = randomUUID();
    const tasks = stores.slice(0, 3).map(() => task('P-1', request, analysisId));
    // Node step 1 → hub spec → node rounds, as the hub orchestrates them.
    const designs = await Promise.all(
      stores.slice(0, 3).map((s, i) => answer(() => glmDesign(s, tasks[i]!))),
    );
    const summaries = designs.map((d) => (d.status === 'ok' ? d.summary : expect.fail(JSON.stringify(d))));
    // Level counts are withheld from the hub.
    expect(summaries[0]!.variables.sex).toEqual({ kind: 'categorical', levelCounts: { female: 0, male: 0 } });
    const spec = buildDesignSpec(request.formula, 'binomial', summaries);
    const records: unknown[] = [];
    const fed = await fitFederatedGlm(
      stores.slice(0, 3).map((s, i) => async (r) => {
        const out = await answer(() => glmRound(s, { ...tasks[i]!, spec, beta: r.beta, nullMu: r.nullMu }));
        if (out.status !== 'ok') throw new Error(out.message);
        records.push(...out.sdc);
        expect(out.contribution.disclosure.levelCounts).toEqual({});
        return out.contribution;
      }),
      spec,
    );
    // The pooled data: the same frames, stacked.
    const frames = await Promise.all(
      stores.slice(0, 3).map((s) => buildAnalysisFrame(s, 'P-1', AnalysisRequest.parse(request).variables)),
    );
    const pooled: Record<string, Cell[]> = {};
    for (const name of Object.keys(variables)) pooled[name] = frames.flatMap((f) => f.columns[name]!);
    const one = await fitGlmInProcess([pooled], request.formula, 'binomial');
    expect(fed.n).toBe(one.n);
    expect(fed.coefficients.map((c) => c.name)).toEqual(['(Intercept)', 'age', 'sexmale', 'bmi']);
    fed.coefficients.forEach((c, j) => {
      expect(Math.abs(c.estimate - one.coefficients[j]!.estimate)).toBeLessThan(1e-6);
      expect(Math.abs(c.stdError - one.coefficients[j]!.stdError)).toBeLessThan(1e-6);
    });
    expect(records.length).toBeGreaterThan(0);
    expect(records[0]).toMatchObject({ kind: 'model', outcome: 'released', permitId: 'P-1' });
  });

  it('refuses a model at a node with too few persons, with the record', async () => {
    const request = {
      kind: 'glm' as const,
      formula: 'diabetes ~ age + bmi',
      family: 'binomial' as const,
      variables,
    };
    const t = task('P-tiny', request);
    const design = await answer(() => glmDesign(stores[3]!, t));
    if (design.status !== 'ok') expect.fail(JSON.stringify(design));
    const spec = buildDesignSpec(request.formula, 'binomial', [design.summary]);
    const out = await answer(() => glmRound(stores[3]!, { ...t, spec, beta: null, nullMu: null }));
    expect(out.status).toBe('refused');
    if (out.status !== 'refused') return;
    expect(out.message).toMatch(/residual degrees of freedom/);
    expect(out.sdc[0]).toMatchObject({ kind: 'model', outcome: 'refused', outputHash: null });
    expect(out.sdc[0]!.rules).toContainEqual(
      expect.objectContaining({ rule: 'min-residual-dof', outcome: 'refused' }),
    );
  });

  it('releases Kaplan–Meier risk tables with coarsened times, cut where fewer than 10 remain at risk', async () => {
    const out = await answer(() =>
      kmRiskTables(
        stores[0]!,
        task('P-1', {
          kind: 'km',
          survival: 'os',
          variables: { os: { kind: 'survival', event: { domain: 'death' } } },
        }),
      ),
    );
    if (out.status !== 'ok') expect.fail(JSON.stringify(out));
    const [t] = out.tables;
    expect(t!.n).toBe(60);
    expect(t!.rows.every((r) => r.time % 7 === 0)).toBe(true);
    // Every released row had at least 10 at risk.
    let atRisk = t!.n;
    for (const r of t!.rows) {
      expect(atRisk).toBeGreaterThanOrEqual(10);
      atRisk -= r.events + r.censored;
    }
    expect(t!.truncatedAt).not.toBeNull();
    expect(out.sdc[0]).toMatchObject({ outcome: 'released' });
    // A group under the threshold refuses the answer.
    const tiny = await answer(() =>
      kmRiskTables(
        stores[3]!,
        task('P-tiny', {
          kind: 'km',
          survival: 'os',
          variables: { os: { kind: 'survival', event: { domain: 'death' } } },
        }),
      ),
    );
    expect(tiny).toMatchObject({ status: 'refused', sdc: [expect.objectContaining({ outcome: 'refused' })] });
  });

  it('describes over one cohort per group and suppresses a statistic of a small group', async () => {
    const history = new InMemoryQueryHistory();
    const out = await answer(() =>
      describeFrame(
        stores[0]!,
        task('P-1', { kind: 'describe', variables: { ...variables }, by: 'diabetes' }),
        history,
      ),
    );
    if (out.status !== 'ok') expect.fail(JSON.stringify(out));
    expect(out.groups.map((g) => g.group)).toEqual(['0', '1']);
    const frame = await buildAnalysisFrame(
      stores[0]!,
      'P-1',
      AnalysisRequest.parse({ kind: 'describe', variables }).variables,
    );
    const rows = frame.personIds
      .map((_, i) => i)
      .filter((i) => frame.columns.bmi![i] !== null && frame.columns.diabetes![i] === 1);
    const bmi = out.groups[1]!.numeric.bmi;
    if (rows.length >= 10) {
      expect(bmi!.n).toBe(rows.length);
      expect(bmi!.mean).toBeCloseTo(
        rows.reduce((a, i) => a + (frame.columns.bmi![i] as number), 0) / rows.length,
        10,
      );
    } else expect(bmi).toBeNull();
    expect(out.groups[0]!.counts.sex!.cells.flat().every((c) => c === null || c % 5 === 0)).toBe(true);
    // One cohort per group: the history holds two entries, not one per variable.
    expect(await history.list('P-1')).toHaveLength(2);
    const tiny = await answer(() =>
      describeFrame(
        stores[3]!,
        task('P-tiny', { kind: 'describe', variables: { age: variables.age } }),
        history,
      ),
    );
    if (tiny.status !== 'ok') expect.fail(JSON.stringify(tiny));
    expect(tiny.groups[0]!.numeric.age).toBeNull();
    expect(tiny.sdc[0]!.rules).toContainEqual(
      expect.objectContaining({ rule: 'threshold', outcome: 'suppressed' }),
    );
  });

  it('releases a two-way table through the engine', async () => {
    const out = await answer(() =>
      frequencyTable(stores[0]!, task('P-1', { kind: 'table', rows: 'sex', columns: 'diabetes', variables })),
    );
    if (out.status !== 'ok') expect.fail(JSON.stringify(out));
    expect(out.table.rows).toEqual(['female', 'male']);
    expect(out.table.columns).toEqual(['0', '1']);
    expect(out.sdc[0]).toMatchObject({ kind: 'table', outcome: 'released' });
  });
});

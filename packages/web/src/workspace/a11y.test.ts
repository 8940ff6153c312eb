import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { attr, control, expectAccessible, textOf } from '../feasibility/test-support';
import { emptyVariable, exampleGlmDraft } from './glm-form';
import { GlmFields } from './GlmFields';
import { GlmResultView } from './GlmResultView';
import type { AnalysisNodeSdc, SdcRecordJson } from '@openehds/client';
import type { AnalysisRun, WorkspaceView } from './types';
import { WorkspaceBody } from './WorkspacePage';

/**
 * The workspace's markup as the browser gets it: the analysis form labelled with errors tied to their
 * fields, the coefficient table, the refusal, and staff seeing no form at all.
 */
const record = (outcome: 'released' | 'refused', note?: string): SdcRecordJson => ({
  schema: 'openehds.sdc-record/1',
  kind: 'model',
  at: '2026-01-01T10:00:01Z',
  policy: { id: 'openehds-default', version: '1', hash: 'a'.repeat(64) },
  audience: 'permit_holder',
  outcome,
  rules: [
    {
      rule: 'min-residual-dof',
      target: '$',
      outcome: outcome === 'released' ? 'passed' : 'refused',
      params: {},
      ...(note ? { note } : {}),
    },
  ],
  outputHash: null,
});
const node = (nodeName: string, outcome: 'released' | 'refused', note?: string): AnalysisNodeSdc => ({
  nodeId: nodeName.toLowerCase(),
  nodeName,
  status: outcome === 'released' ? 'ok' : 'refused',
  message: null,
  records: [record(outcome, note)],
});
const done: AnalysisRun = {
  id: 'a1',
  kind: 'glm',
  status: 'DONE',
  request: {
    kind: 'glm',
    formula: 'diabetes ~ age + sex + bmi',
    family: 'binomial',
    variables: {
      diabetes: { kind: 'condition', codes: { vocabulary: 'ICD10', codes: ['E11'] } },
      age: { kind: 'age' },
    },
  },
  // The hub's shape (analytics' FederatedGlmResult), partly: what the page reads.
  result: {
    family: 'binomial',
    statistic: 'z',
    coefficients: [
      { name: '(Intercept)', estimate: -7.1234, stdError: 0.4567, statistic: -15.6, pValue: 1e-50 },
      { name: 'age', estimate: 0.04012, stdError: 0.0051, statistic: 7.87, pValue: 0.0000001 },
      { name: 'sexmale', estimate: 0.2, stdError: 0.11, statistic: 1.82, pValue: 0.0689 },
    ],
    deviance: 1523.2,
    aic: 1531.2,
    n: 2400,
    iterations: 6,
    converged: true,
    warnings: [],
  },
  sdc: [
    node('Helsinki biobank', 'released'),
    node('Lyon registry', 'released'),
    node('Berlin hospital', 'released'),
  ],
  error: null,
  createdBy: 'user',
  createdAt: '2026-01-01T10:00:00Z',
  finishedAt: '2026-01-01T10:00:02Z',
};
const view = (role: 'member' | 'staff'): WorkspaceView => ({
  permit: {
    id: 'P-2026-0001-FI',
    status: 'GRANTED',
    validFrom: '2026-01-01',
    validUntil: '2027-01-01',
    datasets: [{ datasetId: 'fi-biobank', title: 'Helsinki Biobank cohort', country: 'FI' }],
    variables: [],
    period: { from: '2015-01-01', to: '2025-12-31' },
    persons: [{ name: 'Dr Maria Rossi', email: 'maria@example.eu', role: 'principal_investigator' }],
    spe: { tools: ['R'], gpuHours: 0, cpuHours: 10, aiFactory: null },
  },
  role,
  extracts: [
    {
      nodeId: 'fi',
      nodeName: 'Helsinki biobank',
      country: 'FI',
      status: 'prepared',
      datasets: ['fi-biobank'],
      persons: 900,
      excludedByOptOut: null,
      notMatchable: 0,
      optOutApplied: true,
      snapshotAt: '2026-01-01T00:00:00Z',
      registryVersion: 1,
      preparedAt: '2026-01-01T00:00:00Z',
      deletedAt: null,
      deletionReason: null,
    },
  ],
  budget: { dpEnabled: true, epsilon: { granted: 1, spent: 0.25 }, delta: { granted: 1e-6, spent: 0 } },
  analyses: [done],
  outputs: [
    {
      id: '5b0f3c9e-0000-4000-8000-000000000001',
      reference: 'AL-2026-0001',
      permitId: 'P-2026-0001-FI',
      nodeId: 'fi',
      origin: { kind: 'job', id: 'j1' },
      authorId: 'u1',
      author: 'user',
      status: 'SUBMITTED',
      submission: 1,
      note: null,
      createdAt: '2026-01-02T00:00:00Z',
      updatedAt: '2026-01-02T00:00:00Z',
    },
  ],
  activity: [
    {
      seq: 1,
      at: '2026-01-01T10:00:00Z',
      actor: 'account:user',
      action: 'spe.analysis.run',
      object: 'permit:P-2026-0001-FI',
      outcome: 'success',
      details: {},
    },
  ],
});
const body = (role: 'member' | 'staff') =>
  renderToStaticMarkup(
    createElement(MemoryRouter, null, createElement(WorkspaceBody, { view: view(role), onRun: () => {} })),
  );

describe('the federated analysis form', () => {
  it('labels formula, family and every variable field, with errors tied to their fields', () => {
    const d = exampleGlmDraft();
    const bmi = d.variables[3]!;
    const html = renderToStaticMarkup(
      createElement(GlmFields, {
        idPrefix: 'glm',
        draft: { ...d, variables: [...d.variables, emptyVariable('drug')] },
        errors: {
          formula: ['Declare "x" in the variables below.'],
          [`row:${bmi.key}:codes`]: ['Give at least one code.'],
        },
        onChange: () => {},
      }),
    );
    expectAccessible(html);
    expect(attr(control(html, 'glm-formula').attrs, 'aria-describedby')).toBe(
      'glm-formula-hint glm-formula-err',
    );
    expect(textOf(html, 'glm-formula-err')).toBe('Declare "x" in the variables below.');
    expect(attr(control(html, 'glm-v3-codes').attrs, 'aria-invalid')).toBe('true');
    expect(textOf(html, 'glm-v3-codes-err')).toBe('Give at least one code.');
    expect(attr(control(html, 'glm-v0-codes').attrs, 'aria-invalid')).toBeUndefined();
    // Age and sex take no codes; a measurement says which value to use.
    expect(html).not.toContain('id="glm-v1-codes"');
    expect(html).toContain('id="glm-v3-pick"');
  });
});

describe('the analysis result', () => {
  it('shows coefficients with SEs and p-values, n, iterations and the nodes passing disclosure control', () => {
    const html = renderToStaticMarkup(createElement(GlmResultView, { run: done }));
    expect(html).toMatch(/<caption[^>]*>Coefficients<\/caption>/);
    expect(html).toMatch(
      /data-testid="glm-coef-age"[^]*?data-testid="glm-estimate">0.04012<[^]*?data-testid="glm-se">0.0051<[^]*?data-testid="glm-p">&lt; 0.001</,
    );
    expect(html).toMatch(/data-testid="glm-coef-sexmale"[^]*?data-testid="glm-p">0.069</);
    expect(html).toContain('z value');
    expect(html).toMatch(/data-testid="glm-n">2,400</);
    expect(html).toMatch(/data-testid="glm-iterations">6</);
    expect(html).toContain('3 of 3 nodes passed disclosure control.');
  });

  it('shows a refusal with its reason and no coefficient table', () => {
    const refused: AnalysisRun = {
      ...done,
      status: 'REFUSED',
      result: null,
      sdc: [node('Lyon registry', 'refused', '4 residual degrees of freedom, need 10')],
    };
    const html = renderToStaticMarkup(createElement(GlmResultView, { run: refused }));
    expect(html).not.toContain('glm-coefficients');
    expect(html).toMatch(
      /data-testid="glm-refused">Refused by disclosure control: Lyon registry: min-residual-dof: 4 residual degrees of freedom, need 10</,
    );
    expect(html).toContain('0 of 1 nodes passed disclosure control.');
  });
});

describe('the workspace page', () => {
  it('gives a named person the form, the data, the budget left, outputs linked to the airlock and their activity', () => {
    const html = body('member');
    expectAccessible(html);
    expect(html).toContain('data-testid="glm-run"');
    expect(html).not.toContain('workspace-read-only');
    expect(html).toMatch(/data-testid="budget-left-epsilon">0.75</);
    expect(html).toContain('href="/airlock/5b0f3c9e-0000-4000-8000-000000000001"');
    expect(html).toContain('AL-2026-0001');
    expect(html).toContain('Helsinki Biobank cohort');
    expect(html).toContain('Dr Maria Rossi');
    expect(html).toContain('spe.analysis.run');
    expect(html).toContain('2015-01-01 to 2025-12-31');
  });

  it('shows HDAB staff the workspace read-only: no analysis form, no input at all', () => {
    const html = body('staff');
    expect(html).toContain('data-testid="workspace-read-only"');
    expect(html).not.toContain('glm-run');
    expect(html).not.toMatch(/<(input|select|textarea)\b/);
    expect(html).toContain('data-testid="workspace-analysis-a1"');
  });
});

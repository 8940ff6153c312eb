import { ANALYSIS_LIMITS, AnalysisRequest } from '@openehds/core';
import { describe, expect, it } from 'vitest';
import {
  emptyVariable,
  exampleGlmDraft,
  formulaNames,
  GLM_LIMITS,
  glmDraftErrors,
  hubIssueKey,
  toGlmRequest,
  withKind,
  type GlmDraft,
} from './glm-form';

describe('the analysis form', () => {
  it('opens on a logistic regression the hub accepts as it is', () => {
    const request = toGlmRequest(exampleGlmDraft());
    expect(glmDraftErrors(exampleGlmDraft())).toEqual({});
    const parsed = AnalysisRequest.safeParse(request);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(request).toMatchObject({
      kind: 'glm',
      family: 'binomial',
      formula: 'diabetes ~ age + sex + bmi',
      variables: {
        diabetes: { kind: 'condition', codes: { vocabulary: 'ICD10', codes: ['E11'], descendants: true } },
        age: { kind: 'age' },
        sex: { kind: 'sex' },
        bmi: { kind: 'measurement', codes: { vocabulary: 'LOINC', codes: ['39156-5'] }, pick: 'mean' },
      },
    });
    expect(GLM_LIMITS).toEqual(ANALYSIS_LIMITS);
  });

  it('names each fault on its field: formula, a row name, a row codes, descendants', () => {
    const d: GlmDraft = {
      formula: 'y ~ x + smoker',
      family: 'poisson',
      variables: [
        { ...emptyVariable('condition'), key: 'a', name: 'y', codes: '' },
        {
          ...emptyVariable('drug'),
          key: 'b',
          name: '2x',
          codes: 'A10BA',
          vocabulary: 'RxNorm',
          descendants: true,
        },
        { ...emptyVariable('age'), key: 'c', name: 'y' },
      ],
    };
    const errors = glmDraftErrors(d);
    expect(errors['row:a:codes']).toEqual(['Give at least one code.']);
    expect(errors['row:b:name']![0]).toMatch(/starts with a letter/);
    expect(errors['row:b:descendants']![0]).toMatch(/RxNorm has no code hierarchy/);
    expect(errors['row:c:name']).toEqual(['"y" is declared twice.']);
    expect(errors.formula).toEqual(['Declare "x", "smoker" in the variables below.']);
    // The hub agrees the request as typed is not acceptable.
    expect(AnalysisRequest.safeParse(toGlmRequest(d)).success).toBe(false);
  });

  it('refuses a formula without one "~"', () => {
    expect(glmDraftErrors({ ...exampleGlmDraft(), formula: 'age + sex' }).formula![0]).toMatch(/one "~"/);
    expect(glmDraftErrors({ ...exampleGlmDraft(), formula: '' }).formula![0]).toMatch(
      /Write a model formula/,
    );
  });

  it('reads the names of R formulas, interactions and backticks included', () => {
    expect(formulaNames('y ~ a*b + `c d` - 1 + a:b')).toEqual(['y', 'a', 'b', 'c d']);
  });

  it('keeps typed codes when the kind changes, and drops age/sex codes from the request', () => {
    const row = { ...emptyVariable('condition'), name: 'x', codes: 'I10' };
    expect(withKind(row, 'procedure').vocabulary).toBe('ICD10');
    expect(withKind(emptyVariable('condition'), 'measurement').vocabulary).toBe('LOINC');
    const req = toGlmRequest({ formula: 'x ~ s', family: 'gaussian', variables: [withKind(row, 'sex')] });
    expect(req.variables).toEqual({ x: { kind: 'sex' } });
  });

  it('places a hub issue on the row it names', () => {
    const rows = exampleGlmDraft().variables;
    const bmi = rows.find((r) => r.name === 'bmi')!;
    expect(hubIssueKey('variables.bmi.codes.codes[0]', rows)).toBe(`row:${bmi.key}:codes`);
    expect(hubIssueKey('/variables/bmi/pick', rows)).toBe(`row:${bmi.key}:pick`);
    expect(hubIssueKey('variables.nobody', rows)).toBe('variables');
    expect(hubIssueKey('family', rows)).toBe('family');
    expect(hubIssueKey('categorical', rows)).toBe('general');
  });
});

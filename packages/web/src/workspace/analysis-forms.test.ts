import { AnalysisRequest } from '@openehds/core';
import { describe, expect, it } from 'vitest';
import {
  describeDraftErrors,
  describeIssueKey,
  exampleDescribeDraft,
  toDescribeRequest,
} from './describe-form';
import { exampleKmDraft, kmDraftErrors, kmIssueKey, toKmRequest, withDomain } from './km-form';
import { exampleTableDraft, tableDraftErrors, toTableRequest } from './table-form';
import { emptyVariable } from './variables-form';

const accepted = (request: unknown) => {
  const parsed = AnalysisRequest.safeParse(request);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
};

describe('the describe, table and Kaplan–Meier forms', () => {
  it('open on requests the hub accepts as they are', () => {
    for (const [draft, errors, request] of [
      [exampleDescribeDraft(), describeDraftErrors, toDescribeRequest],
      [exampleTableDraft(), tableDraftErrors, toTableRequest],
      [exampleKmDraft(), kmDraftErrors, toKmRequest],
    ] as const) {
      expect((errors as (d: typeof draft) => object)(draft)).toEqual({});
      accepted((request as (d: typeof draft) => unknown)(draft));
    }
    expect(toKmRequest(exampleKmDraft())).toEqual({
      kind: 'km',
      survival: 'os',
      group: 'sex',
      intervalDays: 7,
      variables: { os: { kind: 'survival', event: { domain: 'death' } }, sex: { kind: 'sex' } },
    });
    expect(toTableRequest(exampleTableDraft())).toMatchObject({ rows: 'sex', columns: 'diabetes' });
  });

  it('refuses what the hub would: a `by` or table variable that is not categorical or not declared', () => {
    const d = exampleDescribeDraft();
    expect(describeDraftErrors({ ...d, by: 'age' }).by![0]).toMatch(/"age" is not a declared sex, condition/);
    expect(AnalysisRequest.safeParse(toDescribeRequest({ ...d, by: 'age' })).success).toBe(false);
    const t = exampleTableDraft();
    const bad = {
      ...t,
      columns: 'sex',
      variables: [...t.variables, { ...emptyVariable('age'), key: 'k', name: 'age' }],
    };
    const errors = tableDraftErrors(bad);
    expect(errors.columns).toEqual(['Choose a column variable other than the rows.']);
    expect(errors['row:k:kind']![0]).toMatch(/A table counts sex/);
    expect(tableDraftErrors({ ...t, rows: '' }).rows).toEqual(['Choose the variable counted in the rows.']);
  });

  it('checks the survival variable: codes for a coded event, a whole interval of days, a distinct group name', () => {
    const d = withDomain(exampleKmDraft(), 'condition');
    expect(d.vocabulary).toBe('ICD10');
    const errors = kmDraftErrors({
      ...d,
      intervalDays: '0',
      group: { ...emptyVariable('sex'), key: 'g', name: 'os' },
    });
    expect(errors.codes).toEqual(['Give at least one code.']);
    expect(errors.intervalDays![0]).toMatch(/whole number of days from 1 to 365/);
    expect(errors['row:g:name']).toEqual(['"os" is declared twice.']);
    const coded = { ...d, codes: 'I21', descendants: true };
    expect(kmDraftErrors(coded)).toEqual({});
    accepted(toKmRequest(coded));
    expect(toKmRequest(coded).variables.os).toEqual({
      kind: 'survival',
      event: { domain: 'condition', codes: { vocabulary: 'ICD10', codes: ['I21'], descendants: true } },
    });
  });

  it('places the hub’s issues on the fields they name', () => {
    const km = exampleKmDraft();
    expect(kmIssueKey('survival', km)).toBe('name');
    expect(kmIssueKey('variables.os.event.codes', km)).toBe('codes');
    expect(kmIssueKey('group', km)).toBe(`row:${km.group!.key}:name`);
    expect(kmIssueKey('intervalDays', km)).toBe('intervalDays');
    expect(kmIssueKey('variables.sex.kind', km)).toBe(`row:${km.group!.key}:kind`);
    const d = exampleDescribeDraft();
    const bmi = d.variables.find((v) => v.name === 'bmi')!;
    expect(describeIssueKey('variables.bmi.codes.codes[0]', d.variables)).toBe(`row:${bmi.key}:codes`);
    expect(describeIssueKey('by', d.variables)).toBe('by');
    expect(describeIssueKey('formula', d.variables)).toBe('general');
  });
});

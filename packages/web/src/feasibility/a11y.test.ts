import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { AuthProvider } from '../auth/AuthContext';
import { CriterionFields } from './CriterionFields';
import { emptyCriterion, type CriterionDraft } from './draft';
import { FeasibilityPage } from './FeasibilityPage';
import { JsonPanel } from './JsonPanel';
import { ResultsTable } from './ResultsTable';
import { attr, control, expectAccessible, textOf } from './test-support';
import type { FeasibilityResult } from './types';
import { CRITERION_TYPES } from './vocab';

/**
 * The cohort builder's markup, rendered by React as the browser gets it: every control labelled, each
 * error tied to its field, results in a captioned table with the audience note.
 */
function criterion(draft: CriterionDraft, issues: { path: string; message: string }[] = []) {
  return renderToStaticMarkup(
    createElement(CriterionFields, {
      idPrefix: 'inc-0-0',
      base: 'inclusion[0].criteria[0]',
      draft,
      issues,
      onChange: () => {},
      types: CRITERION_TYPES,
      legend: 'Criterion 1',
      showWindow: true,
    }),
  );
}

describe('cohort builder markup', () => {
  it('renders the whole page, signed out, with labelled controls and unique ids', () => {
    const html = renderToStaticMarkup(
      createElement(MemoryRouter, null, createElement(AuthProvider, null, createElement(FeasibilityPage))),
    );
    expectAccessible(html);
    expect(html).toContain('data-testid="cohort-run"');
    expect(html).toContain('data-testid="cohort-json"');
    // One inclusion group to start with, its criterion a condition.
    expect(attr(control(html, 'inc-0-0-type').attrs, 'data-testid')).toBe('inc-0-0-type');
  });

  it.each(CRITERION_TYPES)('labels every field of a %s criterion', (type) => {
    expectAccessible(criterion(emptyCriterion(type)));
  });

  it('ties each error to its field, and a whole-criterion error to the fieldset', () => {
    const html = criterion({ ...emptyCriterion('measurement'), windowStart: '5', windowEnd: '1' }, [
      { path: 'cohort.inclusion[0].criteria[0].codes.codes', message: 'give at least one code' },
      {
        path: 'inclusion[0].criteria[0].window.endDays',
        message: 'the window must end on or after its start',
      },
      { path: 'inclusion[0].criteria[0]', message: 'unknown field "x"' },
    ]);
    expectAccessible(html);
    const codes = control(html, 'inc-0-0-codes');
    expect(attr(codes.attrs, 'aria-invalid')).toBe('true');
    expect(attr(codes.attrs, 'aria-describedby')).toBe('inc-0-0-codes-hint inc-0-0-codes-err');
    expect(textOf(html, 'inc-0-0-codes-err')).toBe('give at least one code');
    expect(textOf(html, 'inc-0-0-wend-err')).toBe('the window must end on or after its start');
    expect(attr(control(html, 'inc-0-0-vmin').attrs, 'aria-invalid')).toBeUndefined();
    expect(html).toMatch(/<fieldset[^>]*aria-describedby="inc-0-0-err"/);
    expect(textOf(html, 'inc-0-0-err')).toBe('unknown field "x"');
  });

  it('offers "include descendants" for ICD-10 and disables it, with the reason, for SNOMED', () => {
    const icd = control(criterion(emptyCriterion('condition')), 'inc-0-0-descendants');
    expect(icd.attrs).not.toMatch(/disabled/);
    const snomed = criterion({ ...emptyCriterion('condition'), vocabulary: 'SNOMED' });
    expect(control(snomed, 'inc-0-0-descendants').attrs).toMatch(/disabled/);
    expect(textOf(snomed, 'inc-0-0-descendants-hint')).toContain('list each code');
  });

  it('ties the JSON problems to the text area', () => {
    const html = renderToStaticMarkup(
      createElement(JsonPanel, {
        value: '{}',
        onChange: () => {},
        onApply: () => {},
        onReset: () => {},
        issues: [{ path: 'inclusion[0].criteria', message: 'give at least one criterion' }],
        edited: true,
      }),
    );
    expectAccessible(html);
    const area = control(html, attr(html.match(/<textarea\b([^>]*)>/)![1]!, 'id')!);
    expect(attr(area.attrs, 'aria-invalid')).toBe('true');
    expect(html).toContain('give at least one criterion');
  });
});

describe('feasibility results markup', () => {
  const result: FeasibilityResult = {
    audience: 'anonymous',
    threshold: 10,
    roundTo: 5,
    total: { value: 1230, atLeast: true },
    nodes: [
      {
        nodeId: 'fi',
        nodeName: 'Helsinki biobank',
        country: 'FI',
        datasets: ['d1'],
        value: 1230,
        suppressed: false,
        status: 'ok',
        record: null,
      },
      {
        nodeId: 'fr',
        nodeName: 'Lyon registry',
        country: 'FR',
        datasets: ['d2'],
        value: null,
        suppressed: true,
        status: 'ok',
        record: null,
      },
      {
        nodeId: 'de',
        nodeName: 'Berlin hospital',
        country: 'DE',
        datasets: ['d3'],
        value: null,
        suppressed: false,
        status: 'timeout',
        record: null,
      },
    ],
    askedAt: '2026-01-01T10:00:00Z',
  };

  it('shows each node, "fewer than" for a suppressed count, "at least" for the total and the audience note', () => {
    const html = renderToStaticMarkup(createElement(ResultsTable, { result }));
    expect(html).toMatch(/<table[^>]*><caption[^>]*>Cohort counts per node<\/caption>/);
    expect(html).toMatch(/data-testid="feasibility-node-fr"[^]*?fewer than 10/);
    expect(html).toMatch(/data-testid="feasibility-node-de" data-status="timeout"/);
    expect(html).toMatch(/data-testid="feasibility-total"><strong>at least 1,230<\/strong>/);
    expect(html).toMatch(
      /data-testid="feasibility-audience"[^>]*>[^<]*rounded to the nearest 5[^<]*Sign in to see more/,
    );
  });
});

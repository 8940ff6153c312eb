import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { BeaconApiError } from '@openehds/client';
import { AuthProvider } from '../auth/AuthContext';
import { attr, control, expectAccessible, textOf } from '../feasibility/test-support';
import { AccessBanner } from './AccessBanner';
import { accessLevel } from './access-level';
import { BudgetBox } from './BudgetBox';
import { GenomicsPage } from './GenomicsPage';
import { nodeAnswers } from './node-answers';
import { NodeResults } from './NodeResults';
import { RecordsTable } from './RecordsTable';
import { TermPicker } from './TermPicker';
import { ANONYMOUS, COUNTED, hubAnswer, PERMIT, RECORDED, REGISTERED } from './test-responses';

/**
 * The genomic search's markup, rendered by React as the browser gets it: every control labelled with
 * its hint, results in captioned tables whose columns follow the granularity, the banner saying why.
 */
const render = (element: ReturnType<typeof createElement>) =>
  renderToStaticMarkup(createElement(MemoryRouter, null, element));

describe('genomic search markup', () => {
  it('renders the whole page signed out: labelled controls, the 1-based/0-based help, yes/no banner', () => {
    const html = render(createElement(AuthProvider, null, createElement(GenomicsPage)));
    expectAccessible(html);
    const variant = control(html, 'gx-variant');
    expect(attr(variant.attrs, 'aria-describedby')).toBe('gx-variant-hint');
    expect(textOf(html, 'gx-variant-hint')).toMatch(/1-based.*Beacon’s 0-based start \(position − 1\)/);
    expect(html).toMatch(/<option value="GRCh38" selected="">GRCh38<\/option><option value="GRCh37">/);
    const combo = control(html, 'gx-phenotypes');
    expect(attr(combo.attrs, 'role')).toBe('combobox');
    expect(attr(combo.attrs, 'aria-controls')).toBe('gx-phenotypes-list');
    expect(html).toContain('id="gx-phenotypes-list" role="listbox"');
    expect(html).toMatch(/data-testid="genomics-granularity" data-granularity="boolean"/);
    expect(html).toContain('data-testid="genomics-sign-in"');
    expect(html).toMatch(/role="status"[^>]*data-testid="genomics-status"/);
    expect(attr(control(html, 'gx-entry-variants').attrs, 'checked')).toBe('');
  });

  it('ties the phenotype picker’s errors to its input and lists picked terms with named remove buttons', () => {
    const html = render(
      createElement(TermPicker, {
        id: 'gx-phenotypes',
        terms: [{ id: 'HP:0001250', label: 'Seizure' }],
        picked: ['HP:0001250'],
        onChange: () => {},
        errors: ['filters[0]: no node holds HP:0001250'],
      }),
    );
    expectAccessible(html);
    const input = control(html, 'gx-phenotypes');
    expect(attr(input.attrs, 'aria-invalid')).toBe('true');
    expect(attr(input.attrs, 'aria-describedby')).toBe('gx-phenotypes-hint gx-phenotypes-err');
    expect(textOf(html, 'gx-phenotypes-err')).toBe('filters[0]: no node holds HP:0001250');
    expect(html).toContain('aria-label="Remove HP:0001250 Seizure"');
  });
});

describe('results markup', () => {
  it('anonymous: a yes/no column only, no count or allele columns', () => {
    const html = render(
      createElement(NodeResults, { answers: nodeAnswers(hubAnswer(COUNTED, ANONYMOUS)), entry: 'variants' }),
    );
    expect(html).toMatch(/<table[^>]*><caption[^>]*>Answers of each node<\/caption>/);
    expect(html).toMatch(/data-testid="genomics-node-n-de"[^]*?data-testid="genomics-found">No</);
    expect(html).not.toContain('genomics-count');
    expect(html).not.toContain('Allele frequency');
  });

  it('signed in: counts with ≈ and “fewer than”, allele columns, and the rounding note', () => {
    const html = render(
      createElement(NodeResults, { answers: nodeAnswers(hubAnswer(COUNTED, REGISTERED)), entry: 'variants' }),
    );
    expect(html).toMatch(
      /data-testid="genomics-node-n-fi" data-status="ok" data-granularity="count"[^]*?genomics-count">≈ 40</,
    );
    expect(html).toMatch(/data-testid="genomics-node-n-es"[^]*?genomics-count">fewer than 10</);
    expect(html).toMatch(/genomics-frequency">≈ 0.03333</);
    expect(html).toContain('≈: rounded by disclosure control.');
  });

  it('permit holder: the records table with 1-based position and 0-based interval, and the banner why', () => {
    const response = hubAnswer([RECORDED, ...COUNTED.slice(1)], PERMIT);
    const answers = nodeAnswers(response);
    const html = render(createElement(RecordsTable, { answer: answers[0]!, entry: 'variants' }));
    expect(html).toMatch(/<caption[^>]*>Variant records at Helsinki Biobank node<\/caption>/);
    expect(html).toMatch(/genomics-record-position">17:43,057,062</);
    expect(html).toMatch(/genomics-record-interval">\[43057061, 43057062\)</);
    const banner = render(createElement(AccessBanner, { level: accessLevel(true, response, answers) }));
    expect(banner).toMatch(/data-granularity="record"[^]*Records of fi-biobank are shown/);
    expect(banner).not.toContain('genomics-sign-in');
  });

  it('says plainly that the query budget is spent, with the hub’s words', () => {
    const err = new BeaconApiError(429, {
      error: { errorCode: 429, errorMessage: 'query budget of 100 per day used; it refills at 00:00 UTC' },
    });
    const html = renderToStaticMarkup(createElement(BudgetBox, { error: err }));
    expect(html).toMatch(
      /role="alert" data-testid="genomics-budget"><p class="alert-title">Your query budget is used up<\/p><p>query budget of 100 per day used; it refills at 00:00 UTC<\/p>/,
    );
  });
});

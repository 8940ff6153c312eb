import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { CaseStudyPage as Page, CaseStudyView, PermitSummary } from '@openehds/client';
import { AuthProvider } from '../auth/AuthContext';
import { attr, control, expectAccessible, textOf } from '../feasibility/test-support';
import { CaseStudyBody } from './CaseStudyBody';
import { EMPTY_FORM } from './draft';
import { LibraryPage, LibraryResults } from './LibraryPage';
import { CaseStudyTable } from './MinePage';
import { PrefillPicker } from './PrefillPicker';
import { ReviewPanel } from './ReviewPanel';
import { TemplateForm } from './TemplateForm';

/**
 * The case-study pages' markup as React renders it for the browser: every control labelled, errors
 * tied to their fields, tables captioned, the review controls only where the reader may use them.
 */
const view: CaseStudyView = {
  id: '5b0c3f8e-0000-4000-8000-000000000001',
  reference: 'CS-2026-000001',
  status: 'IN_REVIEW',
  authorId: 'a1',
  author: 'user',
  authorName: 'Marie Dubois',
  reviewer: null,
  title: 'Federated sepsis model (fictional)',
  problem: 'First paragraph.\n\nSecond paragraph.',
  datasets: [{ datasetId: 'fi-biobank', title: 'Helsinki Biobank' }],
  permits: ['FI-2026-000001'],
  method: 'Federated averaging.',
  validation: '',
  results: 'AUROC 0.86.',
  pathway: 'Art. 53(1)(e).',
  pathwayReportId: null,
  lessons: 'Harmonise early.',
  tags: ['sepsis'],
  countries: ['FI', 'ES'],
  useCaseId: 'UC-3',
  sourcePermitId: 'FI-2026-000001',
  outputs: [
    {
      reference: 'OUT-2026-000004',
      origin: 'job',
      releasedAt: null,
      files: [{ name: 'auc.csv', mediaType: 'text/csv' }],
    },
  ],
  kpis: { daysApplicationToPermit: 41.5, daysPermitToFirstOutput: null, analyses: 3, jobs: 1200 },
  returnReason: null,
  version: 2,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z',
  submittedAt: '2026-01-02T00:00:00Z',
  publishedAt: null,
  history: [
    {
      action: 'return',
      fromStatus: 'IN_REVIEW',
      toStatus: 'DRAFT',
      actor: 'account:hdab',
      reason: 'Cite the permit.',
      at: '2026-01-02T00:00:00Z',
    },
  ],
  can: { edit: false, submit: false, withdraw: false, review: true, unpublish: false },
};

const routed = (el: ReturnType<typeof createElement>) =>
  renderToStaticMarkup(createElement(MemoryRouter, null, el));

describe('case-study markup', () => {
  it('renders the library page signed out with a labelled search and filters', () => {
    const html = renderToStaticMarkup(
      createElement(MemoryRouter, null, createElement(AuthProvider, null, createElement(LibraryPage))),
    );
    expectAccessible(html);
    expect(html).toMatch(/<form[^>]*role="search"/);
    for (const id of [
      'case-studies-search',
      'case-studies-filter-tag',
      'case-studies-filter-country',
      'case-studies-filter-dataset',
    ])
      expect(html).toContain(`data-testid="${id}"`);
    // Writing is offered to signed-in users only
    expect(html).not.toContain('data-testid="case-study-new"');
  });

  it('lists results as headed cards with page links named for screen readers', () => {
    const page: Page = {
      items: [
        {
          id: view.id,
          reference: view.reference,
          title: view.title,
          excerpt: 'First paragraph.',
          tags: ['sepsis'],
          countries: ['FI'],
          datasets: view.datasets,
          authorName: 'Marie Dubois',
          publishedAt: '2026-02-01T00:00:00Z',
        },
      ],
      total: 45,
      page: 2,
      pageSize: 20,
      facets: { tags: [], countries: [], datasets: [] },
    };
    const html = routed(createElement(LibraryResults, { page, query: { q: 'sepsis', page: 2 } }));
    expect(html).toContain('45 case studies');
    expect(html).toMatch(/<h3><a href="\/case-studies\/5b0c3f8e[^"]*"[^>]*>Federated sepsis model/);
    expect(html).toMatch(/<nav aria-label="Result pages"/);
    expect(html).toContain('href="/case-studies?q=sepsis&amp;page=3"');
    expect(html).toContain('href="/case-studies?q=sepsis"');
    expect(html).toContain('Page 2 of 3');
  });

  it('reads a case study: sections under headings, a captioned KPI table, history for insiders', () => {
    const html = routed(createElement(CaseStudyBody, { cs: view }));
    expect(html).toMatch(
      /<section aria-labelledby="cs-problem"[^>]*><h2 id="cs-problem">Problem<\/h2><p[^>]*>First paragraph.<\/p><p[^>]*>Second paragraph.<\/p>/,
    );
    expect(html).toMatch(/data-testid="case-study-section-validation"[^]*?Not written yet/);
    expect(html).toMatch(/<table data-testid="case-study-kpis"><caption[^>]*>Key figures/);
    expect(html).toMatch(/Days from application to permit<\/th><td class="num">41.5</);
    expect(html).toMatch(/Days from permit to first released output<\/th><td class="num">not yet known</);
    expect(html).toContain('1,200');
    expect(html).toContain('href="/catalogue/fi-biobank"');
    expect(html).toMatch(/data-testid="case-study-history"[^]*?returned to the author[^]*?Cite the permit\./);
    expect(routed(createElement(CaseStudyBody, { cs: { ...view, history: null } }))).not.toContain(
      'case-study-history',
    );
  });

  it('gives staff labelled review controls only when they may review', () => {
    const html = renderToStaticMarkup(
      createElement(ReviewPanel, { cs: view, busy: false, onMove: () => {} }),
    );
    expectAccessible(html);
    expect(html).toContain('data-testid="case-study-publish"');
    expect(html).toMatch(
      /data-testid="case-study-return"[^>]*disabled|disabled[^>]*data-testid="case-study-return"/,
    );
    const none = renderToStaticMarkup(
      createElement(ReviewPanel, {
        cs: { ...view, can: { ...view.can, review: false } },
        busy: false,
        onMove: () => {},
      }),
    );
    expect(none).toBe('');
  });

  it('labels every template field and ties the hub’s errors to them', () => {
    const html = renderToStaticMarkup(
      createElement(TemplateForm, {
        form: { ...EMPTY_FORM, title: 'x' },
        issues: [
          { path: 'title', message: 'give a title of at least 3 characters' },
          { path: 'countries[0]', message: 'a two-letter country code (ISO 3166-1), e.g. FI' },
        ],
        onChange: () => {},
      }),
    );
    expectAccessible(html);
    const inputs = [...html.matchAll(/<(input|textarea)\b([^>]*)>/g)];
    // title, problem, datasets, permits, 5 sections, tags, countries, use case
    expect(inputs).toHaveLength(12);
    const title = inputs.find((m) => attr(m[2]!, 'data-testid') === 'case-study-field-title')!;
    expect(attr(title[2]!, 'aria-invalid')).toBe('true');
    const titleId = attr(title[2]!, 'id')!;
    expect(textOf(html, `${titleId}-err`)).toContain('give a title of at least 3 characters');
    const countries = inputs.find((m) => attr(m[2]!, 'data-testid') === 'case-study-field-countries')!;
    expect(textOf(html, `${attr(countries[2]!, 'id')}-err`)).toContain('#1: a two-letter country code');
  });

  it('offers the pre-fill picker with the user’s permits, or says there are none', () => {
    const permit = {
      id: 'FI-2026-000001',
      datasets: ['fi-biobank'],
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2027-01-01T00:00:00Z',
    } as PermitSummary;
    const html = renderToStaticMarkup(
      createElement(PrefillPicker, { permits: [permit], busy: false, onPrefill: () => {} }),
    );
    expectAccessible(html);
    const select = control(html, attr(html.match(/<select\b([^>]*)>/)![1]!, 'id')!);
    expect(attr(select.attrs, 'data-testid')).toBe('case-study-prefill-permit');
    expect(html).toContain('FI-2026-000001 · fi-biobank · 2026-01-01–2027-01-01');
    const none = renderToStaticMarkup(
      createElement(PrefillPicker, { permits: [], busy: false, onPrefill: () => {} }),
    );
    expect(none).toContain('data-testid="case-study-prefill-none"');
  });

  it('captions the table of one’s own case studies', () => {
    const html = routed(
      createElement(CaseStudyTable, { items: [view], empty: 'none', testId: 'case-studies-mine' }),
    );
    expect(html).toMatch(
      /<table data-testid="case-studies-mine"><caption class="visually-hidden">Case studies<\/caption>/,
    );
    expect(html).toMatch(/<th scope="col">Status<\/th>/);
    expect(html).toContain('In review');
  });
});

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { KpiDashboard, KpiFigure } from '@openehds/client';
import { attr, controls, expectAccessible } from '../feasibility/test-support';
import { KpiDashboardView } from './KpiPage';
import { kpiEn as t } from './strings';
import { chartKind, targetText, valueText, verdictOf } from './view';

const months = ['2026-01', '2026-02', '2026-03'];
const live: KpiFigure = {
  key: 'permits.granted',
  title: 'Permits granted, by purpose',
  unit: 'count',
  source: 'live',
  direction: null,
  definition: 'First versions of data permits granted in the month.',
  article: 'Art. 53(1), 59(1)(a)',
  current: 3,
  currentBasis: 'window',
  series: [
    { month: '2026-01', value: 1 },
    { month: '2026-02', value: 0 },
    { month: '2026-03', value: 2 },
  ],
  breakdown: [{ label: 'SCIENTIFIC_RESEARCH', value: 3 }],
};
const days: KpiFigure = {
  ...live,
  key: 'applications.days-to-decision',
  title: 'Median days from application to decision',
  unit: 'days',
  direction: 'lower',
  current: null,
  series: months.map((month) => ({ month, value: null })),
  breakdown: [],
};
const manual = (over: Partial<KpiFigure>): KpiFigure =>
  ({
    ...live,
    id: `id-${over.key}`,
    source: 'manual',
    unit: 'score',
    direction: 'higher',
    currentBasis: 'latest',
    article: null,
    breakdown: [],
    current: 4.1,
    target: 4,
    met: true,
    ...over,
  }) as KpiFigure;
const dashboard: KpiDashboard = {
  generatedAt: '2026-03-10T00:00:00Z',
  months,
  kpis: [
    live,
    days,
    manual({ key: 'stakeholder.satisfaction', title: 'Stakeholder satisfaction' }),
    manual({
      key: 'helpdesk.days',
      title: 'Helpdesk response',
      unit: 'days',
      direction: 'lower',
      current: 2.5,
      target: 2,
      met: false,
    }),
  ],
};
const render = (canEdit: boolean, d = dashboard) =>
  renderToStaticMarkup(
    createElement(KpiDashboardView, { dashboard: d, months: 12, canEdit, onSaved: () => {} }),
  );

describe('KPI dashboard markup', () => {
  it('labels every control of the staff forms, with unique ids and stable test ids', () => {
    const html = render(true);
    expectAccessible(html);
    for (const id of [
      'kpi-create-key',
      'kpi-create-target',
      'kpi-create-direction',
      'kpi-record-kpi',
      'kpi-record-value',
      'kpi-record-date',
    ])
      expect(
        controls(html).some((c) => attr(c.attrs, 'data-testid') === id),
        id,
      ).toBe(true);
    expect(html).toContain('data-testid="kpi-create-submit"');
    // The record form offers the manual KPIs only.
    expect(html).toContain('>Stakeholder satisfaction</option>');
    expect(html).not.toContain('>Permits granted, by purpose</option>');
  });

  it('shows each KPI as a named card with its value, a chart with a table fallback, and the verdict in words', () => {
    const html = render(false);
    expect(html).not.toContain('kpi-create-form');
    expect((html.match(/<article /g) ?? []).length).toBe(4);
    expect((html.match(/<figure class="chart"/g) ?? []).length).toBe(4);
    expect((html.match(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/g) ?? []).length).toBe(4);
    expect(html).toContain('data-testid="kpi-permits-granted-value">3</span>');
    expect(html).toContain(`data-testid="kpi-applications-days-to-decision-value">${t.noValue}</span>`);
    expect(html).toMatch(/data-testid="kpi-stakeholder-satisfaction-verdict" data-verdict="met">Target met</);
    expect(html).toMatch(/data-testid="kpi-helpdesk-days-verdict" data-verdict="not-met">Target not met</);
    expect(html).toContain('≥ 4 score');
    expect(html).toContain('<caption>Breakdown</caption>');
    expect(html).toContain('href="/api/kpi/export.csv?months=12"');
    expect(html).toContain('href="/api/kpi/report.pdf?months=12"');
    // Headings go h2 (sections) then h3 (cards), none skipped.
    expect(html.indexOf('<h2')).toBeLessThan(html.indexOf('<h3'));
    expect(html).not.toMatch(/<h4/);
  });

  it('says when no manual KPI exists, and offers only the create form then', () => {
    const html = render(true, { ...dashboard, kpis: [live] });
    expect(html).toContain('data-testid="kpi-manual-empty"');
    expect(html).toContain('kpi-create-form');
    expect(html).not.toContain('kpi-record-form');
  });
});

describe('KPI view rules', () => {
  it('formats values with units, judges targets and picks bars for monthly counts', () => {
    expect(valueText(30.46, 'days')).toBe('30.5 days');
    expect(valueText(1234, 'count')).toBe('1,234');
    expect(valueText(3.8, '%')).toBe('3.8 %');
    expect(valueText(null, 'count')).toBe(t.noValue);
    expect(verdictOf(live)).toBe('no-target');
    expect(verdictOf(manual({ key: 'a', met: null }))).toBe('no-value');
    expect(targetText(manual({ key: 'b', direction: 'lower', unit: 'days', target: 2 }))).toBe('≤ 2 days');
    expect(chartKind(live)).toBe('bar');
    expect(chartKind(days)).toBe('line');
  });
});

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Milestone, Recommendation } from '@openehds/client';
import { attr, control, expectAccessible } from '../feasibility/test-support';
import { MilestoneForm } from './MilestoneForm';
import { RecommendationForm } from './RecommendationForm';
import { RoadmapView } from './RoadmapPage';

const rec = (id: string, status: Recommendation['status'], title: string): Recommendation => ({
  id,
  title,
  rationale: `Why ${title}`,
  owner: 'hdab',
  status,
  targetDate: '2029-03-26',
  kpiKeys: ['permits.granted'],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});
const ms = (
  id: string,
  dueDate: string,
  status: Milestone['status'],
  title: string,
  links: string[] = [],
): Milestone => ({
  id,
  title,
  dueDate,
  status,
  recommendationIds: links,
  kpiTargets: [{ key: 'permits.granted', target: 50 }],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});
const DATA = {
  recommendations: [rec('r1', 'agreed', 'Label every dataset'), rec('r2', 'done', 'Explain the opt-out')],
  milestones: [
    ms('m1', '2025-03-25', 'done', 'EHDS in force'),
    ms('m2', '2026-10-31', 'in_progress', 'AI Factory pilot', ['r1']),
    ms('m3', '2029-03-26', 'planned', 'Chapter IV applies', ['r1', 'r2']),
  ],
};
const view = (canEdit: boolean) =>
  renderToStaticMarkup(
    createElement(RoadmapView, { data: DATA, canEdit, onChanged: () => {}, today: '2026-11-29' }),
  );

describe('roadmap markup', () => {
  it('renders a captioned table with a labelled status filter and no edit controls for readers', () => {
    const html = view(false);
    expectAccessible(html);
    expect(attr(control(html, 'roadmap-filter').attrs, 'data-testid')).toBe('roadmap-filter');
    expect(html).toMatch(
      /<table[^>]*data-testid="recommendations-table"><caption>Recommendations, by target date<\/caption>/,
    );
    expect(html).toMatch(/<th scope="row">Label every dataset/);
    expect(html).not.toContain('recommendation-edit-');
    expect(html).not.toContain('milestone-add');
  });

  it('draws the timeline as one named image with a summary, today line, overdue marked in words, and a table', () => {
    const html = view(false);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"[^>]*aria-describedby="[^"]+"/);
    expect(html).toContain(
      '3 milestones from 2025 Q1 to 2029 Q1; 1 overdue. A vertical line marks today, 2026-11-29.',
    );
    expect(html).toMatch(/class="timeline-item status-in_progress overdue" data-testid="milestone-m2"/);
    expect(html).toContain('AI Factory pilot — overdue');
    expect(html).toContain('class="timeline-today"');
    // The table fallback names the linked recommendations and KPI targets.
    expect(html).toMatch(
      /<th scope="row">2029-03-26<\/th><td class="num">Chapter IV applies<\/td><td class="num">Planned<\/td><td class="num">Label every dataset · Explain the opt-out · permits.granted = 50<\/td>/,
    );
    expect(html).toContain('In progress (overdue)');
  });

  it('gives staff named edit buttons and add buttons', () => {
    const html = view(true);
    expectAccessible(html);
    expect(html).toMatch(/aria-label="Edit “Label every dataset”" data-testid="recommendation-edit-r1"/);
    expect(html).toContain('data-testid="milestone-edit-m2"');
    expect(html).toContain('data-testid="recommendation-add"');
    expect(html).toContain('data-testid="milestone-add"');
  });

  it('labels every field of the recommendation and milestone forms', () => {
    const recForm = renderToStaticMarkup(
      createElement(RecommendationForm, {
        initial: DATA.recommendations[0]!,
        onSubmit: async () => {},
        onCancel: () => {},
      }),
    );
    expectAccessible(recForm);
    expect(recForm).toContain('value="permits.granted"');
    const msForm = renderToStaticMarkup(
      createElement(MilestoneForm, {
        initial: DATA.milestones[2]!,
        recommendations: DATA.recommendations,
        onSubmit: async () => {},
        onCancel: () => {},
      }),
    );
    expectAccessible(msForm);
    expect(msForm).toMatch(/<fieldset[^>]*><legend>Recommendations this milestone carries<\/legend>/);
    expect(attr(control(msForm, 'ms-link-r1').attrs, 'checked')).toBe('');
    expect(msForm).toContain('permits.granted = 50');
  });
});

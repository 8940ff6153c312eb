import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { ApiError, type UseCaseDetail, type UseCaseRanking } from '@openehds/client';
import { attr, control, expectAccessible, textOf } from '../feasibility/test-support';
import { ProposalForm } from './ProposePage';
import { RankingPanel } from './RankingPanel';
import { SensitivityPanel } from './SensitivityPanel';
import { UseCaseView } from './UseCaseView';
import { issuesByPath, weightsPayload } from './view';

const criteria = [{ id: 'clinical_benefit' as const }, { id: 'cost_effort' as const }];
const means = {
  clinical_benefit: 4,
  data_availability: 3,
  technical_feasibility: 3,
  regulatory_complexity: 2,
  cost_effort: 2,
  patient_impact: 5,
  eu_strategic_value: 4,
};
const ranking: UseCaseRanking = {
  method: 'weighted_sum',
  weights: { raw: { ...means }, normalised: { ...means } },
  ranking: [
    {
      id: 'a',
      reference: 'UC-2026-0001',
      title: 'Sepsis',
      stage: 'pilot',
      score: 0.875,
      rank: 1,
      scoreCount: 2,
      meanScores: means,
    },
    {
      id: 'b',
      reference: 'UC-2026-0002',
      title: 'Retina',
      stage: 'proposed',
      score: 0.5,
      rank: 2,
      scoreCount: 1,
      meanScores: means,
    },
  ],
  unscored: [{ id: 'c', reference: 'UC-2026-0003', title: 'AMR' }],
  sensitivity: {
    method: 'weighted_sum',
    top: 'a',
    maxMultiplier: 3,
    curves: [
      {
        criterion: 'clinical_benefit',
        currentWeight: 1,
        steps: [
          { weight: 0, share: 0, ranks: { a: 1, b: 2 }, top: 'a' },
          { weight: 1.5, share: 0.333, ranks: { a: 2, b: 1 }, top: 'b' },
        ],
        below: null,
        above: { weight: 1.25, share: 0.294, top: 'b' },
      },
    ],
  },
};
const render = (el: ReturnType<typeof createElement>) =>
  renderToStaticMarkup(createElement(MemoryRouter, null, el));
const noop = async () => null;

describe('use-case pages markup', () => {
  it('labels every weight and ties the hub’s reasons to the weights they concern', () => {
    const issues = issuesByPath(
      new ApiError(400, {
        title: 'Bad Request',
        detail: 'these weights do not make sense',
        issues: [
          { path: 'weights.cost_effort', message: 'the weight -1 is negative' },
          { path: 'weights', message: 'every weight is 0' },
        ],
      }),
    );
    const html = render(
      createElement(RankingPanel, {
        criteria,
        draft: { clinical_benefit: '1', cost_effort: '-1' },
        method: 'topsis',
        issues,
        ranking,
        canStoreDefaults: true,
        notice: null,
        onWeight: () => {},
        onMethod: () => {},
        onRank: () => {},
        onReset: () => {},
        onStoreDefaults: () => {},
      }),
    );
    expectAccessible(html);
    const cost = control(html, 'uc-w-cost_effort');
    expect(attr(cost.attrs, 'aria-invalid')).toBe('true');
    expect(attr(cost.attrs, 'aria-describedby')).toBe('uc-w-cost_effort-err');
    expect(textOf(html, 'uc-w-cost_effort-err')).toBe('the weight -1 is negative');
    expect(attr(control(html, 'uc-w-clinical_benefit').attrs, 'aria-invalid')).toBeUndefined();
    expect(textOf(html, 'uc-w-err')).toBe('every weight is 0');
    expect(attr(control(html, 'uc-method-topsis').attrs, 'checked')).toBe('');
    expect(html).toContain('data-testid="uc-store-defaults"');
    expect(html).toMatch(/<caption>Use cases ranked with the weights above<\/caption>/);
    expect(html).toContain('Not ranked yet (no scores): UC-2026-0003');
  });

  it('draws the sensitivity as a named image with a table fallback and says where the top changes', () => {
    const html = render(
      createElement(SensitivityPanel, { ranking, criterion: 'clinical_benefit', onCriterion: () => {} }),
    );
    expectAccessible(html);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/);
    expect(html).toContain(
      'Above a weight of 1.25 (29% of all weight) UC-2026-0002 Retina moves to the top.',
    );
    expect(html).toMatch(/<th scope="col">UC-2026-0001 Sepsis<\/th>/);
    expect(html).toMatch(/<th scope="row">1.5 \(33%\)<\/th><td class="num">2<\/td><td class="num">1<\/td>/);
  });

  it('labels every field of the proposal and marks the refused ones', () => {
    const html = render(
      createElement(ProposalForm, {
        initialIssues: { title: ['too short'], 'dataCategories[0]': ['unknown category'] },
        onSubmit: noop,
      }),
    );
    expectAccessible(html);
    expect(attr(control(html, 'uc-title').attrs, 'aria-invalid')).toBe('true');
    expect(textOf(html, 'uc-title-err')).toBe('too short');
    expect(html).toMatch(/<fieldset aria-describedby="uc-cats-err">/);
    expect(html).toContain('for="uc-cat-HGPD"');
  });

  it('labels the score, stage, link and comment controls of a use case, staff view', () => {
    const detail: UseCaseDetail = {
      id: 'a',
      reference: 'UC-2026-0001',
      title: 'Sepsis',
      problem: 'Late recognition',
      benefit: 'Earlier treatment',
      dataCategories: ['EHRS', 'RPDG'],
      keywords: ['sepsis'],
      aiMethod: 'Boosting',
      aiActClass: 'high',
      deviceClass: 'mdr_iib',
      stage: 'prioritised',
      proposer: { id: 'p', username: 'user', displayName: 'Marie' },
      votes: 2,
      voted: true,
      scoreCount: 1,
      meanScores: means,
      myScores: means,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      comments: [{ id: 'c1', author: 'Jonas', body: 'We hold ICU data.', createdAt: '2026-01-02T00:00:00Z' }],
      stageHistory: [{ from: null, to: 'proposed', by: 'Marie', reason: null, at: '2026-01-01T00:00:00Z' }],
      links: { applications: [{ id: 'x', reference: 'FI-APP-2026-000001' }], permits: [] },
      availability: {
        datasets: [
          {
            id: 'fi',
            title: 'Genomes',
            country: 'FI',
            matchedCategories: ['EHRS'],
            matchedKeywords: [],
            individuals: 5000,
            records: null,
            stars: 4,
          },
        ],
        total: 1,
        individuals: 5000,
        records: 0,
        withSize: 1,
        countries: [{ country: 'FI', datasets: 1 }],
        qualityLabels: [{ stars: '4', datasets: 1 }],
        categoriesCovered: ['EHRS'],
        categoriesMissing: ['RPDG'],
      },
    };
    const actions = { score: noop, vote: async () => {}, comment: noop, move: noop, link: noop };
    const html = render(createElement(UseCaseView, { detail, canMoveStage: true, actions }));
    expectAccessible(html);
    expect(html).toContain('data-testid="uc-move"');
    expect(html).toMatch(/aria-pressed="true"[^>]*data-testid="uc-vote"/);
    expect(html).toContain('No dataset yet for: Pathogens');
    expect(html).toContain('5,000');
    expect(attr(control(html, 'uc-score-patient_impact').attrs, 'data-testid')).toBe(
      'uc-score-patient_impact',
    );
    const citizen = render(createElement(UseCaseView, { detail, canMoveStage: false, actions }));
    expect(citizen).not.toContain('data-testid="uc-move"');
  });

  it('sends typed weights as numbers and anything else as text, for the hub to explain', () => {
    expect(weightsPayload({ a: '2', b: ' 0.5 ', c: '', d: 'abc' })).toEqual({
      a: 2,
      b: 0.5,
      c: '',
      d: 'abc',
    });
  });
});

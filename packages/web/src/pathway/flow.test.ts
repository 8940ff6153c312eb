import { describe, expect, it } from 'vitest';
import type { PathwayQuestionJson } from '@openehds/client';
import { activeGroups, answersFromSearch, answersToSearch, choose, nextStep, previousStep } from './flow';

const Q: PathwayQuestionJson[] = [
  { id: 'purpose', group: 'purpose', kind: 'single', options: ['EDUCATION', 'OTHER'], cites: [] },
  {
    id: 'prohibitedUses',
    group: 'purpose',
    kind: 'multi',
    options: ['ADVERTISING_MARKETING', 'HARMFUL_PRODUCTS', 'none'],
    noneOption: 'none',
    cites: [],
  },
  { id: 'dataForm', group: 'route', kind: 'single', options: ['statistics'], cites: [] },
  { id: 'lawfulBasis', group: 'gdpr', kind: 'single', options: ['consent'], cites: [] },
  { id: 'buildsAi', group: 'ai', kind: 'single', options: ['yes', 'no'], cites: [] },
];

describe('pathway flow', () => {
  it('round-trips answers through the URL, ignoring unknown parameters', () => {
    const answers = { purpose: 'EDUCATION', prohibitedUses: ['ADVERTISING_MARKETING', 'HARMFUL_PRODUCTS'] };
    const params = answersToSearch(answers, 'route');
    expect(params.toString()).toBe(
      'purpose=EDUCATION&prohibitedUses=ADVERTISING_MARKETING%2CHARMFUL_PRODUCTS&step=route',
    );
    params.set('utm', 'x');
    expect(answersFromSearch(params, Q)).toEqual(answers);
  });

  it('skips steps without a visible question and goes to the report after the last, or at once when stopped', () => {
    const groups = activeGroups(['purpose', 'prohibitedUses', 'dataForm', 'buildsAi'], Q);
    expect(groups).toEqual(['purpose', 'route', 'ai']);
    expect(nextStep('route', groups, false)).toBe('ai');
    expect(nextStep('ai', groups, false)).toBe('report');
    expect(nextStep('purpose', groups, true)).toBe('report');
    expect(previousStep('report', groups)).toBe('ai');
    expect(previousStep('route', groups)).toBe('purpose');
    expect(previousStep('purpose', groups)).toBeNull();
  });

  it('toggles multi answers in questionnaire order, with "none" exclusive', () => {
    const q = Q[1]!;
    let a = choose({}, q, 'HARMFUL_PRODUCTS', true);
    a = choose(a, q, 'ADVERTISING_MARKETING', true);
    expect(a.prohibitedUses).toEqual(['ADVERTISING_MARKETING', 'HARMFUL_PRODUCTS']);
    expect(choose(a, q, 'none', true).prohibitedUses).toEqual(['none']);
    expect(choose({ prohibitedUses: ['none'] }, q, 'HARMFUL_PRODUCTS', true).prohibitedUses).toEqual([
      'HARMFUL_PRODUCTS',
    ]);
    expect(choose(a, q, 'HARMFUL_PRODUCTS', false).prohibitedUses).toEqual(['ADVERTISING_MARKETING']);
    expect(choose({}, Q[0]!, 'OTHER', true)).toEqual({ purpose: 'OTHER' });
  });
});

import { describe, expect, it } from 'vitest';
import {
  answerIssues,
  effectiveAnswers,
  missingAnswers,
  PATHWAY_QUESTIONS,
  visibleQuestions,
} from './questions';
import { PATHWAY_GROUPS } from './types';

const ids = (a: Record<string, string | string[]>) => visibleQuestions(a).map((q) => q.id);

describe('pathway questionnaire', () => {
  it('has unique ids, known groups, and conditions only on earlier questions', () => {
    const seen = new Set<string>();
    for (const q of PATHWAY_QUESTIONS) {
      expect(seen.has(q.id), q.id).toBe(false);
      expect(PATHWAY_GROUPS).toContain(q.group);
      for (const c of q.showIf ?? []) {
        expect(seen.has(c.question), `${q.id} depends on later ${c.question}`).toBe(true);
        const dep = PATHWAY_QUESTIONS.find((d) => d.id === c.question)!;
        for (const v of c.in) expect(dep.options).toContain(v);
      }
      if (q.noneOption) expect(q.options).toContain(q.noneOption);
      expect(q.cites.length).toBeGreaterThan(0);
      seen.add(q.id);
    }
  });

  it('starts with the unconditional questions only', () => {
    expect(ids({})).toEqual([
      'purpose',
      'prohibitedUses',
      'dataForm',
      'countries',
      'deviceSoftware',
      'buildsAi',
    ]);
  });

  it('asks public-body standing only for purposes (a)–(c), ethics only for research', () => {
    expect(ids({ purpose: 'PUBLIC_HEALTH' })).toContain('publicBody');
    expect(ids({ purpose: 'PUBLIC_HEALTH' })).not.toContain('ethicsReview');
    expect(ids({ purpose: 'SCIENTIFIC_RESEARCH' })).toContain('ethicsReview');
    expect(ids({ purpose: 'SCIENTIFIC_RESEARCH' })).not.toContain('publicBody');
  });

  it('asks GDPR questions only for pseudonymised record-level data, and hides them again on a change', () => {
    const pseudo = { dataForm: 'record_level', identifiability: 'pseudonymised' };
    expect(ids(pseudo)).toEqual(expect.arrayContaining(['lawfulBasis', 'article9', 'dpiaCriteria']));
    // Switching to statistics hides identifiability, so the GDPR questions that hang on it go too.
    const changed = { ...pseudo, dataForm: 'statistics', lawfulBasis: 'public_task' };
    expect(ids(changed)).not.toContain('identifiability');
    expect(ids(changed)).not.toContain('lawfulBasis');
    expect(effectiveAnswers(changed)).toEqual({ dataForm: 'statistics' });
  });

  it('follows the rule 11 branches and the IVD branch', () => {
    expect(ids({ deviceSoftware: 'medical_device', softwareFunction: 'decision_support' })).toContain(
      'decisionImpact',
    );
    expect(ids({ deviceSoftware: 'medical_device', softwareFunction: 'monitoring' })).toContain(
      'vitalParameters',
    );
    expect(ids({ deviceSoftware: 'ivd' })).toContain('ivdRisk');
    expect(ids({ deviceSoftware: 'ivd' })).not.toContain('softwareFunction');
    expect(ids({ buildsAi: 'yes' })).toEqual(
      expect.arrayContaining(['aiPractices', 'aiAnnexIII', 'aiTransparency']),
    );
  });

  it('lists the visible unanswered questions', () => {
    expect(missingAnswers({ purpose: 'EDUCATION', prohibitedUses: [] })).toEqual([
      'prohibitedUses',
      'dataForm',
      'countries',
      'deviceSoftware',
      'buildsAi',
    ]);
  });

  it('reports every bad answer with its question', () => {
    const issues = answerIssues({
      colour: 'blue',
      purpose: ['EDUCATION'],
      dataForm: 'telepathy',
      prohibitedUses: ['none', 'ADVERTISING_MARKETING'],
      aiTransparency: ['generates_content', 'generates_content'],
    });
    expect(issues.map((i) => i.path)).toEqual([
      'colour',
      'purpose',
      'dataForm',
      'prohibitedUses',
      'aiTransparency',
    ]);
    expect(issues[2]!.message).toMatch(/"telepathy" is not an option of "dataForm"/);
    expect(issues[3]!.message).toMatch(/cannot be combined/);
    expect(issues[4]!.message).toMatch(/twice/);
    expect(answerIssues({ purpose: 'EDUCATION', prohibitedUses: ['none'] })).toEqual([]);
  });
});

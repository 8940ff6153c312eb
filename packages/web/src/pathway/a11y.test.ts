import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  PATHWAY_AUTHORITIES,
  PATHWAY_QUESTIONS,
  pathwayReport,
  visibleQuestions,
  type PathwayAnswers,
} from '@openehds/core';
import type { PathwayEvaluation, PathwayQuestionJson } from '@openehds/client';
import { attr, control, expectAccessible } from '../feasibility/test-support';
import { PathwayStepView } from './PathwayPage';
import { ReportView } from './ReportView';
import { pathwayEn } from './strings';

// The real questionnaire and rules (@openehds/core), as the hub serves and evaluates them.
const questions = PATHWAY_QUESTIONS as unknown as PathwayQuestionJson[];
const evaluate = (answers: PathwayAnswers) =>
  ({
    visible: visibleQuestions(answers).map((q) => q.id),
    report: pathwayReport(answers),
  }) as unknown as PathwayEvaluation;
const stepView = (answers: Record<string, string | string[]>, step: string, signedIn = false) =>
  renderToStaticMarkup(
    createElement(PathwayStepView, {
      questions,
      answers,
      step,
      evaluation: evaluate(answers),
      signedIn,
      onChange: () => {},
    }),
  );

const COMPLETE = {
  purpose: 'SCIENTIFIC_RESEARCH',
  prohibitedUses: ['none'],
  ethicsReview: 'unknown',
  dataForm: 'record_level',
  identifiability: 'pseudonymised',
  countries: 'several',
  lawfulBasis: 'legitimate_interest',
  article9: 'research_statistics',
  dpiaCriteria: ['large_scale', 'innovative_technology'],
  deviceSoftware: 'medical_device',
  softwareFunction: 'decision_support',
  decisionImpact: 'serious_or_surgery',
  buildsAi: 'yes',
  aiPractices: ['none'],
  aiAnnexIII: 'none',
  aiTransparency: ['none'],
};

describe('pathway navigator markup', () => {
  it('renders each step as labelled radio and check-box groups with a legend and cited articles', () => {
    const html = stepView({ purpose: 'SCIENTIFIC_RESEARCH' }, 'purpose');
    expectAccessible(html);
    // GDPR questions do not show until pseudonymised data are chosen: four question steps and the report.
    expect(html).toContain('Step 1 of 5: Purpose');
    expect(html).toMatch(/<fieldset[^>]*data-testid="pathway-q-purpose"><legend>What is the purpose/);
    expect(attr(control(html, 'pw-purpose-SCIENTIFIC_RESEARCH').attrs, 'checked')).toBe('');
    expect(attr(control(html, 'pw-prohibitedUses-none').attrs, 'type')).toBe('checkbox');
    expect(html).toContain('id="pw-ethicsReview-unknown"');
    expect(html).not.toContain('pw-publicBody');
    expect(html).toContain('See EHDS Art. 54');
    expect(html).not.toContain('data-testid="pathway-back"');
    expect(html).toContain('data-testid="pathway-next"');
  });

  it.each(['route', 'gdpr', 'device', 'ai'])('labels every control of the %s step', (step) => {
    const html = stepView(COMPLETE, step);
    expectAccessible(html);
    expect(html).toContain('data-testid="pathway-back"');
  });

  it('shows the report with summary, ordered steps, authorities, citations and actions', () => {
    const html = stepView(COMPLETE, 'report', true);
    expectAccessible(html);
    expect(html).toContain('data-status="complete"');
    expect(html).toContain('Data permit (Art. 68)');
    expect(html).toContain('MDR class IIb');
    expect(html).toContain('High-risk: device under Annex I (Art. 6(1))');
    expect(html).toMatch(
      /data-testid="pathway-authority-apply_data_permit">The HDABs of each member state, through HealthData@EU/,
    );
    expect(html).toMatch(/<abbr title="AI Act \(EU\) 2024\/1689">AI Act<\/abbr> Art\. 43\(3\)/);
    expect(html).toContain('Carry out a data protection impact assessment (3 WP248 criteria met)');
    const order = [...html.matchAll(/data-testid="pathway-step-([a-z_]+)"/g)].map((m) => m[1]);
    expect(order[0]).toBe('ehds_purpose');
    expect(order.at(-1)).toBe('publish_results');
    for (const id of ['pathway-print', 'pathway-download', 'pathway-save'])
      expect(html).toContain(`data-testid="${id}"`);
    // Every step and note has text (no code shown raw).
    for (const id of order) expect(pathwayEn.stepTitles[id!], id).toBeTruthy();
  });

  it('explains a stop with its reason and articles', () => {
    const html = renderToStaticMarkup(
      createElement(ReportView, {
        report: evaluate({ purpose: 'EDUCATION', prohibitedUses: ['ADVERTISING_MARKETING'] }).report,
      }),
    );
    expect(html).toContain('data-status="stopped"');
    expect(html).toContain('The EHDS prohibits this use');
    expect(html).toContain('Advertising or marketing (Art. 54(c))');
    expect(html).toMatch(/<abbr title="EHDS Regulation \(EU\) 2025\/327">EHDS<\/abbr> Art\. 54\(c\)/);
  });

  it('has a text for every question, option and authority of the rules', () => {
    for (const a of PATHWAY_AUTHORITIES) expect(pathwayEn.authorities[a], a).toBeTruthy();
    for (const q of questions) {
      expect(pathwayEn.questions[q.id], q.id).toBeTruthy();
      for (const o of q.options) expect(pathwayEn.options[o], `${q.id}.${o}`).toBeTruthy();
    }
  });
});

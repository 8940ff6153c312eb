import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { pathwayReport } from './report';
import type { PathwayAnswers, PathwayReport } from './types';

/** A complete, plain pathway: a company's research on statistics in one country, no device, no AI. */
const BASE: Record<string, string | string[]> = {
  purpose: 'SCIENTIFIC_RESEARCH',
  prohibitedUses: ['none'],
  ethicsReview: 'required',
  dataForm: 'statistics',
  countries: 'one',
  deviceSoftware: 'none',
  buildsAi: 'no',
};
const PSEUDO = {
  dataForm: 'record_level',
  identifiability: 'pseudonymised',
  lawfulBasis: 'legitimate_interest',
  article9: 'research_statistics',
  dpiaCriteria: ['none'],
};
const AI = { buildsAi: 'yes', aiPractices: ['none'], aiAnnexIII: 'none', aiTransparency: ['none'] };

const report = (over: PathwayAnswers = {}) => pathwayReport({ ...BASE, ...over });
const stepIds = (r: PathwayReport) => r.steps.map((s) => s.id);
const step = (r: PathwayReport, id: string) => {
  const s = r.steps.find((x) => x.id === id);
  expect(s, `no step ${id}`).toBeTruthy();
  return s!;
};
const refs = (r: PathwayReport, id: string) => step(r, id).citations.map((c) => `${c.instrument} ${c.ref}`);

describe('pathway report: EHDS purpose and prohibited uses', () => {
  it('lays out a data request for anonymised statistics with the purpose letter and ethics review', () => {
    const r = report();
    expect(r.status).toBe('complete');
    expect(r.classification).toMatchObject({
      route: 'data_request',
      multiCountry: false,
      dpia: 'not_applicable',
      device: null,
      aiAct: 'not_applicable',
    });
    expect(stepIds(r)).toEqual([
      'ehds_purpose',
      'ethics_review',
      'gdpr_anonymous',
      'apply_data_request',
      'publish_results',
    ]);
    expect(refs(r, 'ehds_purpose')).toEqual(['EHDS Art. 53(1)(e)', 'EHDS Art. 54']);
    expect(step(r, 'ethics_review').authority).toBe('ethics_committee');
    expect(refs(r, 'apply_data_request')).toEqual(['EHDS Art. 69(2)', 'EHDS Art. 69(4)']);
    expect(step(r, 'apply_data_request').authority).toBe('hdab');
    expect(refs(r, 'gdpr_anonymous')).toEqual(['GDPR Recital 26']);
    expect(refs(r, 'publish_results')).toEqual(['EHDS Art. 61(4)']);
  });

  it('stops on a declared prohibited use, citing each letter of Art. 54', () => {
    const r = report({ prohibitedUses: ['ADVERTISING_MARKETING', 'HARMFUL_PRODUCTS'] });
    expect(r.status).toBe('stopped');
    expect(r.steps).toEqual([]);
    expect(r.stop).toEqual({
      reason: 'prohibited_use',
      items: ['ADVERTISING_MARKETING', 'HARMFUL_PRODUCTS'],
      citations: [
        { instrument: 'EHDS', ref: 'Art. 54(c)' },
        { instrument: 'EHDS', ref: 'Art. 54(d)' },
      ],
    });
  });

  it('stops as soon as a prohibited use is answered, before the rest', () => {
    const r = pathwayReport({ purpose: 'EDUCATION', prohibitedUses: ['DETRIMENTAL_DECISIONS'] });
    expect(r.status).toBe('stopped');
    expect(r.stop?.citations).toEqual([{ instrument: 'EHDS', ref: 'Art. 54(a)' }]);
  });

  it('stops on a purpose outside the closed list of Art. 53(1)', () => {
    const r = report({ purpose: 'OTHER' });
    expect(r.stop).toMatchObject({
      reason: 'not_a_purpose',
      citations: [{ instrument: 'EHDS', ref: 'Art. 53(1)' }],
    });
  });

  it('stops when a private body claims a purpose reserved to public bodies (Art. 53(2))', () => {
    const r = report({ purpose: 'OFFICIAL_STATISTICS', publicBody: 'no' });
    expect(r.stop).toMatchObject({ reason: 'public_body_only', items: ['OFFICIAL_STATISTICS'] });
  });

  it('gives a public body the accelerated procedure for a permit (Art. 68(6))', () => {
    const r = report({
      purpose: 'PUBLIC_HEALTH',
      publicBody: 'yes',
      ...PSEUDO,
      lawfulBasis: 'public_task',
      article9: 'public_health',
    });
    expect(refs(r, 'ehds_purpose')).toEqual(['EHDS Art. 53(1)(a)', 'EHDS Art. 53(2)', 'EHDS Art. 54']);
    expect(refs(r, 'apply_data_permit')).toContain('EHDS Art. 68(6)');
    expect(step(r, 'apply_data_permit').params).toEqual({ months: 2, extension: 1 });
    expect(stepIds(r)).not.toContain('ethics_review');
  });

  it('notes that training AI falls under research when another purpose is chosen', () => {
    expect(step(report({ purpose: 'CARE_IMPROVEMENT', ...AI }), 'ehds_purpose').notes).toEqual([
      'ai_training_is_research',
    ]);
    expect(step(report(AI), 'ehds_purpose').notes).toEqual([]);
  });

  it('leaves out ethics review where national law asks none, and flags it when unknown', () => {
    expect(stepIds(report({ ethicsReview: 'not_required' }))).not.toContain('ethics_review');
    expect(step(report({ ethicsReview: 'unknown' }), 'ethics_review').notes).toEqual(['check_national_law']);
  });
});

describe('pathway report: route and countries', () => {
  it('takes record-level data through a data permit and the SPE', () => {
    const r = report({ ...PSEUDO });
    expect(r.classification?.route).toBe('data_permit');
    expect(refs(r, 'apply_data_permit')).toEqual([
      'EHDS Art. 67(2)',
      'EHDS Art. 68(1)',
      'EHDS Art. 68(3)',
      'EHDS Art. 68(4)',
      'EHDS Art. 67(2)(e)',
    ]);
    expect(step(r, 'apply_data_permit').notes).toEqual(['may_answer_as_request', 'justify_pseudonymised']);
    expect(step(r, 'apply_data_permit').params).toEqual({ months: 3, extension: 3 });
    expect(refs(r, 'access_in_spe')).toEqual(['EHDS Art. 68(7)', 'EHDS Art. 73']);
  });

  it('asks no legal basis for anonymised record-level data', () => {
    const r = report({ dataForm: 'record_level', identifiability: 'anonymised' });
    expect(stepIds(r)).toContain('gdpr_anonymous');
    expect(stepIds(r)).not.toContain('gdpr_legal_basis');
    expect(step(r, 'apply_data_permit').notes).toEqual(['may_answer_as_request']);
  });

  it('sends a multi-country application through HealthData@EU (Art. 67(3))', () => {
    const permit = report({ ...PSEUDO, countries: 'several' });
    expect(permit.classification?.multiCountry).toBe(true);
    expect(step(permit, 'apply_data_permit').authority).toBe('hdabs_healthdata_eu');
    expect(refs(permit, 'apply_data_permit')).toEqual(
      expect.arrayContaining(['EHDS Art. 67(3)', 'EHDS Art. 68(5)', 'EHDS Art. 75']),
    );
    const request = report({ countries: 'several' });
    expect(step(request, 'apply_data_request').authority).toBe('hdabs_healthdata_eu');
  });
});

describe('pathway report: GDPR legal basis and DPIA', () => {
  it('cites the Art. 6(1) basis and Art. 9(2) condition with their safeguards', () => {
    const r = report(PSEUDO);
    expect(refs(r, 'gdpr_legal_basis')).toEqual([
      'GDPR Art. 6(1)(f)',
      'GDPR Art. 9(2)(j)',
      'GDPR Art. 89(1)',
      'EHDS Art. 67(4)',
      'EHDS Art. 68(1)(c)',
    ]);
    expect(step(r, 'gdpr_legal_basis').notes).toEqual([]);
  });

  it('flags legitimate interest for a public body, consent, and a condition that does not fit the purpose', () => {
    const publicBody = report({
      purpose: 'POLICY_REGULATION',
      publicBody: 'yes',
      ...PSEUDO,
      article9: 'substantial_public_interest',
    });
    expect(step(publicBody, 'gdpr_legal_basis').notes).toEqual(['legitimate_interest_public_body']);
    const consent = report({ ...PSEUDO, lawfulBasis: 'consent', article9: 'explicit_consent' });
    expect(step(consent, 'gdpr_legal_basis').notes).toEqual(['consent_withdrawable']);
    expect(refs(consent, 'gdpr_legal_basis')).toEqual(
      expect.arrayContaining(['GDPR Art. 6(1)(a)', 'GDPR Art. 9(2)(a)', 'GDPR Art. 7(3)']),
    );
    const care = report({
      purpose: 'CARE_IMPROVEMENT',
      ...PSEUDO,
      lawfulBasis: 'legal_obligation',
      article9: 'health_care',
    });
    expect(refs(care, 'gdpr_legal_basis')).toEqual(
      expect.arrayContaining(['GDPR Art. 6(1)(c)', 'GDPR Art. 9(2)(h)', 'GDPR Art. 9(3)']),
    );
    const mismatch = report({ ...PSEUDO, article9: 'public_health' });
    expect(step(mismatch, 'gdpr_legal_basis').notes).toEqual(['article9_purpose_mismatch']);
    const publicTask = report({
      purpose: 'PUBLIC_HEALTH',
      publicBody: 'yes',
      ...PSEUDO,
      lawfulBasis: 'public_task',
      article9: 'public_health',
    });
    expect(refs(publicTask, 'gdpr_legal_basis').slice(0, 2)).toEqual([
      'GDPR Art. 6(1)(e)',
      'GDPR Art. 9(2)(i)',
    ]);
  });

  it('needs no DPIA with health data as the only WP248 criterion, but records the screening', () => {
    const r = report(PSEUDO);
    expect(r.classification?.dpia).toBe('not_required');
    expect(step(r, 'dpia_screening').params).toEqual({ criteria: 1, list: 'sensitive_data' });
    expect(stepIds(r)).not.toContain('dpa_prior_consultation');
  });

  it('requires a DPIA from two criteria, citing Art. 35(3)(b) for large scale and (a) for profiling', () => {
    const large = report({ ...PSEUDO, dpiaCriteria: ['large_scale'] });
    expect(large.classification?.dpia).toBe('required');
    expect(refs(large, 'dpia')).toEqual([
      'GDPR Art. 35(1)',
      'GDPR Art. 35(3)(b)',
      'GDPR Art. 35(2)',
      'EDPB WP248 section III.B',
    ]);
    expect(step(large, 'dpa_prior_consultation')).toMatchObject({
      authority: 'data_protection_authority',
      notes: ['only_if_high_residual_risk'],
    });
    const profiling = report({ ...PSEUDO, dpiaCriteria: ['evaluation_scoring', 'automated_decision'] });
    expect(refs(profiling, 'dpia')).toContain('GDPR Art. 35(3)(a)');
    expect(step(profiling, 'dpia').params).toMatchObject({ criteria: 3 });
    const novel = report({ ...PSEUDO, dpiaCriteria: ['innovative_technology'] });
    expect(refs(novel, 'dpia')).toEqual(['GDPR Art. 35(1)', 'GDPR Art. 35(2)', 'EDPB WP248 section III.B']);
  });
});

describe('pathway report: MDR rule 11 and IVDR', () => {
  const mdr = (over: PathwayAnswers) =>
    report({ deviceSoftware: 'medical_device', ...over }).classification?.device;
  it.each([
    [{ softwareFunction: 'decision_support', decisionImpact: 'death_or_irreversible' }, 'III'],
    [{ softwareFunction: 'decision_support', decisionImpact: 'serious_or_surgery' }, 'IIb'],
    [{ softwareFunction: 'decision_support', decisionImpact: 'other' }, 'IIa'],
    [{ softwareFunction: 'monitoring', vitalParameters: 'yes' }, 'IIb'],
    [{ softwareFunction: 'monitoring', vitalParameters: 'no' }, 'IIa'],
    [{ softwareFunction: 'other' }, 'I'],
  ])('classifies %j as class %s', (over, cls) => {
    expect(mdr(over)).toEqual({ regulation: 'MDR', class: cls });
  });

  it('sends class IIa and above to a notified body, class I to self-declaration', () => {
    const iib = report({
      deviceSoftware: 'medical_device',
      softwareFunction: 'monitoring',
      vitalParameters: 'yes',
    });
    expect(step(iib, 'mdr_conformity')).toMatchObject({
      authority: 'notified_body_mdr',
      params: { class: 'IIb' },
    });
    expect(refs(iib, 'mdr_conformity')).toContain('MDR Annex VIII, rule 11');
    const one = report({ deviceSoftware: 'medical_device', softwareFunction: 'other' });
    expect(step(one, 'mdr_self_declaration').authority).toBe('applicant');
    expect(refs(one, 'mdr_self_declaration')).toContain('MDR Art. 52(7)');
  });

  it.each([
    ['rule_1', 'D', 'IVDR Annex VIII, rule 1'],
    ['rule_3', 'C', 'IVDR Annex VIII, rule 3'],
    ['other', 'B', 'IVDR Annex VIII, rule 6'],
  ])('classifies an IVD under %s as class %s', (ivdRisk, cls, rule) => {
    const r = report({ deviceSoftware: 'ivd', ivdRisk });
    expect(r.classification?.device).toEqual({ regulation: 'IVDR', class: cls });
    expect(step(r, 'ivdr_conformity').authority).toBe('notified_body_ivdr');
    expect(refs(r, 'ivdr_conformity')[0]).toBe(rule);
  });
});

describe('pathway report: AI Act', () => {
  it('stops on a prohibited practice (Art. 5(1))', () => {
    const r = report({ ...AI, aiPractices: ['social_scoring', 'biometric_categorisation_sensitive'] });
    expect(r.stop).toEqual({
      reason: 'prohibited_ai_practice',
      items: ['social_scoring', 'biometric_categorisation_sensitive'],
      citations: [
        { instrument: 'AI Act', ref: 'Art. 5(1)(c)' },
        { instrument: 'AI Act', ref: 'Art. 5(1)(g)' },
      ],
    });
  });

  it('stops insurance pricing as an EHDS prohibited use (Art. 54(b))', () => {
    const r = report({ ...AI, aiAnnexIII: 'insurance_pricing' });
    expect(r.stop).toMatchObject({
      reason: 'prohibited_use',
      citations: [{ instrument: 'EHDS', ref: 'Art. 54(b)' }],
    });
  });

  it('makes AI in a device needing a notified body high-risk under Art. 6(1), assessed with the device', () => {
    const r = report({
      ...AI,
      deviceSoftware: 'medical_device',
      softwareFunction: 'decision_support',
      decisionImpact: 'other',
      aiAnnexIII: 'emergency_triage',
    });
    expect(r.classification?.aiAct).toBe('high_risk_annex_i');
    expect(refs(r, 'ai_high_risk_requirements')).toEqual(
      expect.arrayContaining(['AI Act Art. 6(1)', 'AI Act Annex I, Section A', 'AI Act Art. 10']),
    );
    expect(step(r, 'ai_high_risk_requirements')).toMatchObject({
      notes: ['also_annex_iii'],
      params: { appliesFrom: '2027-08-02' },
    });
    expect(step(r, 'ai_conformity_with_device')).toMatchObject({
      authority: 'notified_body_mdr',
      citations: [{ instrument: 'AI Act', ref: 'Art. 43(3)' }],
    });
    expect(refs(r, 'ai_post_market')).toEqual(['AI Act Art. 72', 'AI Act Art. 73', 'AI Act Art. 74(3)']);
    expect(stepIds(r)).toEqual([
      'ehds_purpose',
      'ethics_review',
      'gdpr_anonymous',
      'apply_data_request',
      'mdr_conformity',
      'ai_high_risk_requirements',
      'ai_conformity_with_device',
      'ai_post_market',
      'publish_results',
    ]);
    const ivd = report({ ...AI, deviceSoftware: 'ivd', ivdRisk: 'other' });
    expect(step(ivd, 'ai_conformity_with_device').authority).toBe('notified_body_ivdr');
  });

  it('keeps AI in a class I device out of Art. 6(1)', () => {
    const r = report({ ...AI, deviceSoftware: 'medical_device', softwareFunction: 'other' });
    expect(r.classification?.aiAct).toBe('minimal');
    expect(step(r, 'ai_minimal').notes).toEqual(['device_without_notified_body']);
  });

  it('makes an Annex III use high-risk under Art. 6(2): internal control, registration, surveillance', () => {
    const r = report({ ...AI, aiAnnexIII: 'healthcare_eligibility' });
    expect(r.classification?.aiAct).toBe('high_risk_annex_iii');
    expect(refs(r, 'ai_high_risk_requirements')).toEqual(
      expect.arrayContaining(['AI Act Annex III, point 5(a)', 'AI Act Art. 27']),
    );
    expect(step(r, 'ai_high_risk_requirements').notes).toEqual([
      'article_6_3_derogation',
      'fundamental_rights_impact',
    ]);
    expect(refs(r, 'ai_conformity_internal')).toEqual(['AI Act Art. 43(2)', 'AI Act Annex VI']);
    expect(refs(r, 'ai_registration')).toEqual(['AI Act Art. 49(1)', 'AI Act Art. 71']);
    expect(step(r, 'ai_post_market').authority).toBe('ai_market_surveillance');
    const triage = report({ ...AI, aiAnnexIII: 'emergency_triage' });
    expect(step(triage, 'ai_high_risk_requirements').notes).toEqual(['article_6_3_derogation']);
    const biometric = report({ ...AI, aiAnnexIII: 'biometric_identification' });
    expect(step(biometric, 'ai_conformity_notified_body')).toMatchObject({ authority: 'ai_notified_body' });
  });

  it('adds the Art. 50 duties answered, to any class', () => {
    const r = report({ ...AI, aiTransparency: ['interacts_with_people', 'generates_content'] });
    expect(r.classification).toMatchObject({
      aiAct: 'transparency',
      aiTransparency: ['interacts_with_people', 'generates_content'],
    });
    expect(refs(r, 'ai_transparency')).toEqual(['AI Act Art. 50(1)', 'AI Act Art. 50(2)']);
    const high = report({ ...AI, aiAnnexIII: 'emergency_triage', aiTransparency: ['emotion_or_biometric'] });
    expect(refs(high, 'ai_transparency')).toEqual(['AI Act Art. 50(3)']);
    expect(stepIds(high)).not.toContain('ai_minimal');
  });

  it('leaves a minimal-risk system with AI literacy and voluntary codes', () => {
    const r = report(AI);
    expect(r.classification?.aiAct).toBe('minimal');
    expect(refs(r, 'ai_minimal')).toEqual(['AI Act Art. 4', 'AI Act Art. 95']);
  });
});

describe('pathway report: incomplete and invalid answers', () => {
  it('is incomplete with the questions still to answer', () => {
    const r = pathwayReport({ purpose: 'SCIENTIFIC_RESEARCH', prohibitedUses: ['none'] });
    expect(r).toMatchObject({ status: 'incomplete', steps: [], classification: null });
    expect(r.missing).toEqual(['ethicsReview', 'dataForm', 'countries', 'deviceSoftware', 'buildsAi']);
  });

  it('ignores answers to questions that do not show', () => {
    const r = report({ lawfulBasis: 'consent', softwareFunction: 'monitoring' });
    expect(r.status).toBe('complete');
    expect(stepIds(r)).not.toContain('gdpr_legal_basis');
    expect(r.classification?.device).toBeNull();
  });

  it('refuses unknown questions and options, listing each', () => {
    try {
      report({ purpose: 'MARKETING', extra: 'x' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).issues.map((i) => i.path)).toEqual(['purpose', 'extra']);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { daysBetween, permitKpis } from './kpis';
import { draftFromPermit, type PermitFacts } from './prefill';
import { CaseStudyInput, normalise } from './template';
import { nextCaseStudyStatus } from './lifecycle';
import { AppError } from '@openehds/core';

describe('case-study KPIs', () => {
  it('counts days to one decimal, and none when an end is missing or out of order', () => {
    expect(daysBetween('2026-01-01T00:00:00Z', '2026-01-31T12:00:00Z')).toBe(30.5);
    expect(daysBetween(null, '2026-01-31T00:00:00Z')).toBeNull();
    expect(daysBetween('2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBeNull();
  });

  it('measures application → permit and permit → first released output', () => {
    expect(
      permitKpis({
        applicationSubmittedAt: '2026-01-01T00:00:00Z',
        grantedAt: '2026-03-02T00:00:00Z',
        firstReleaseAt: '2026-03-12T06:00:00Z',
        analyses: 4,
        jobs: 2,
      }),
    ).toEqual({ daysApplicationToPermit: 60, daysPermitToFirstOutput: 10.3, analyses: 4, jobs: 2 });
  });
});

describe('pre-fill from a permit', () => {
  const facts: PermitFacts = {
    permitId: 'FI-2026-000007',
    purposes: ['SCIENTIFIC_RESEARCH', 'INNOVATION'],
    datasets: [
      { datasetId: 'fi-biobank', title: 'Helsinki Biobank', country: 'FI' },
      { datasetId: 'es-registry', title: null, country: 'ES' },
      { datasetId: 'fi-other', title: 'Other', country: 'FI' },
    ],
    outputs: [
      {
        reference: 'OUT-2026-000001',
        origin: 'job',
        releasedAt: '2026-03-12T06:00:00Z',
        files: [{ name: 'auc.csv', mediaType: 'text/csv' }],
      },
    ],
    timeline: {
      applicationSubmittedAt: '2026-01-01T00:00:00Z',
      grantedAt: '2026-03-02T00:00:00Z',
      firstReleaseAt: '2026-03-12T06:00:00Z',
      analyses: 1,
      jobs: 3,
    },
  };

  it('writes what the platform knows and leaves the rest to the author', () => {
    const { content, facts: found } = draftFromPermit(facts, 'UC-12');
    expect(content.permits).toEqual(['FI-2026-000007']);
    expect(content.countries).toEqual(['ES', 'FI']);
    expect(content.datasets.map((d) => d.datasetId)).toEqual(['fi-biobank', 'es-registry', 'fi-other']);
    expect(content.problem).toContain('scientific research, innovation');
    expect(content.method).toContain('1 analysis and 3 code-to-data jobs');
    expect(content.results).toContain('OUT-2026-000001 (code-to-data job): auc.csv [text/csv]');
    expect(content.tags).toEqual(['scientific-research', 'innovation']);
    expect(content.validation).toBe('');
    expect(content.lessons).toBe('');
    expect(content.useCaseId).toBe('UC-12');
    expect(found.kpis).toEqual({
      daysApplicationToPermit: 60,
      daysPermitToFirstOutput: 10.3,
      analyses: 1,
      jobs: 3,
    });
    // The draft passes the template's own check, so the author can save it unchanged.
    expect(CaseStudyInput.safeParse(content).success).toBe(true);
  });

  it('says so when nothing has been released yet', () => {
    const { content } = draftFromPermit({ ...facts, outputs: [] });
    expect(content.results).toMatch(/No output has been released/);
  });
});

describe('case-study template', () => {
  it('lower-cases tags, upper-cases countries and keeps each once', () => {
    const parsed = CaseStudyInput.parse({
      title: 'A title',
      tags: ['Sepsis', 'sepsis', 'federated learning'],
      countries: ['fi', 'FI', 'es'],
      datasets: [{ datasetId: 'a' }, { datasetId: 'a', title: 'again' }],
    });
    const content = normalise(parsed);
    expect(content.tags).toEqual(['sepsis', 'federated learning']);
    expect(content.countries).toEqual(['FI', 'ES']);
    expect(content.datasets).toEqual([{ datasetId: 'a', title: null }]);
  });

  it('lists every field at fault', () => {
    const r = CaseStudyInput.safeParse({ title: 'x', countries: ['Finland'], tags: ['#!'], extra: 1 });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', 'countries.0', 'tags.0']));
  });
});

describe('case-study review workflow', () => {
  const author = { isAuthor: true, isStaff: false };
  const staff = { isAuthor: false, isStaff: true };
  const staffAuthor = { isAuthor: true, isStaff: true };
  const kind = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as AppError).kind;
    }
    return 'ok';
  };

  it('goes draft → in review → published, by the author then another person', () => {
    expect(nextCaseStudyStatus('DRAFT', 'submit', author, null)).toBe('IN_REVIEW');
    expect(nextCaseStudyStatus('IN_REVIEW', 'publish', staff, null)).toBe('PUBLISHED');
    expect(nextCaseStudyStatus('IN_REVIEW', 'return', staff, 'cite the permit')).toBe('DRAFT');
    expect(nextCaseStudyStatus('PUBLISHED', 'unpublish', staff, 'a correction')).toBe('DRAFT');
  });

  it('refuses the author reviewing their own, a non-staff reviewer, a return without reason, a wrong state', () => {
    expect(kind(() => nextCaseStudyStatus('IN_REVIEW', 'publish', staffAuthor, null))).toBe('forbidden');
    expect(kind(() => nextCaseStudyStatus('IN_REVIEW', 'publish', author, null))).toBe('forbidden');
    expect(kind(() => nextCaseStudyStatus('DRAFT', 'submit', staff, null))).toBe('forbidden');
    expect(kind(() => nextCaseStudyStatus('IN_REVIEW', 'return', staff, '  '))).toBe('invalid');
    expect(kind(() => nextCaseStudyStatus('DRAFT', 'publish', staff, null))).toBe('conflict');
    expect(kind(() => nextCaseStudyStatus('IN_REVIEW', 'submit', author, null))).toBe('conflict');
  });
});

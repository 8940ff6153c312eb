import { describe, expect, it } from 'vitest';
import type { ApplicationContent } from '@openehds/client';
import { contentPath, editorFields, fieldDomId, fieldFor, placeIssues } from './issue-fields';
import { issuesPerStep, stepFromParam, stepOf } from './steps';

const content: ApplicationContent = {
  persons: [
    { name: 'Marie', email: 'marie@example.eu', role: 'principal_investigator' },
    { name: 'Paul', email: 'paul@', role: 'researcher' },
  ],
  datasets: [{ datasetId: 'fi-biobank', country: 'FI' }],
};

describe('contentPath', () => {
  it('reads both the completeness style and the request-validation style', () => {
    expect(contentPath('period.to')).toBe('period.to');
    expect(contentPath('content.persons[1].email')).toBe('persons.1.email');
    expect(contentPath('/content/title')).toBe('title');
    expect(contentPath('content')).toBe('');
    expect(contentPath(undefined)).toBe('');
  });
});

describe('placeIssues', () => {
  const fields = editorFields('application', content);

  it('puts each issue beside the most specific field the editor shows', () => {
    const placed = placeIssues(
      [
        { path: 'persons', message: 'name exactly one principal investigator' },
        { path: 'content.persons[1].email', message: 'Invalid email address' },
        { path: 'period.to', message: 'the end is before the start' },
        { path: 'declarations.ADVERTISING_MARKETING', message: 'declare it' },
        { path: 'content.datasets[0].variables[2]', message: 'too long' },
        { path: 'content.geography[1]', message: 'a two-letter country code' },
      ],
      fields,
    );
    expect(placed.byField).toEqual({
      persons: ['name exactly one principal investigator'],
      'persons.1.email': ['Invalid email address'],
      'period.to': ['the end is before the start'],
      'declarations.ADVERTISING_MARKETING': ['declare it'],
      'datasets.0.variables': ['too long'],
      geography: ['a two-letter country code'],
    });
    expect(placed.unplaced).toEqual([]);
  });

  it('keeps issues no field shows, so no message is lost', () => {
    const placed = placeIssues(
      [{ path: 'version', message: 'Too small' }, { message: 'general problem' }],
      fields,
    );
    expect(placed.unplaced).toEqual([
      { path: 'version', message: 'Too small' },
      { path: '', message: 'general problem' },
    ]);
  });

  it('knows the fields of each kind: persons and SPE for applications, statistics for requests', () => {
    const request = editorFields('request', {
      statisticalContent: { tables: [{ measure: 'patients', dimensions: ['sex'] }] },
    });
    expect(request).toContain('statisticalContent.tables.0.dimensions');
    expect(request).not.toContain('persons');
    expect(request).not.toContain('speMonths');
    expect(fields).toContain('persons.1.orcid');
    expect(fields).toContain('speMonths');
    expect(fieldFor('statisticalContent.tables.0.dimensions.3', request)).toBe(
      'statisticalContent.tables.0.dimensions',
    );
  });
});

describe('steps', () => {
  it('finds the step of a field by its letter of Art. 67(2) or 69(2)', () => {
    expect(stepOf('application', 'persons.0.email')).toBe('applicant');
    expect(stepOf('application', 'legalBasis.article')).toBe('dataForm');
    expect(stepOf('request', 'legalBasis.article')).toBe('legalBasis');
    expect(stepOf('request', 'statisticalContent.tables')).toBe('statistics');
    expect(stepOf('application', 'declarations.HARMFUL_PRODUCTS')).toBe('declarations');
    expect(stepOf('application', 'version')).toBe('review');
  });

  it('counts the issues per step, and reads the step from the address bar safely', () => {
    expect(
      issuesPerStep('application', ['title', 'persons', 'declarations.HARMFUL_PRODUCTS', 'period.to']),
    ).toEqual({ applicant: 2, declarations: 1, data: 1 });
    expect(stepFromParam('request', 'statistics')).toBe('statistics');
    expect(stepFromParam('request', 'spe')).toBe('identity'); // not a step of a request
    expect(stepFromParam('application', null)).toBe('applicant');
  });

  it('gives every field a DOM id usable as a fragment', () => {
    expect(fieldDomId('declarations.HARMFUL_PRODUCTS')).toBe('app-field-declarations-HARMFUL_PRODUCTS');
    expect(fieldDomId('persons.1.email')).toBe('app-field-persons-1-email');
  });
});

import { describe, expect, it } from 'vitest';
import {
  amendDraftOf,
  amendInput,
  bareDoi,
  linesOf,
  maxRenewalEnd,
  renewInput,
  resultInput,
} from './permit-forms';

const current = {
  persons: [
    { name: 'Ana Pérez', email: 'ana@uni.example', role: 'principal_investigator' as const },
    { name: 'Ben Ode', email: 'ben@uni.example', role: 'researcher' as const, orcid: '0000-0002-1825-0097' },
  ],
  conditions: ['No linkage with other data'],
  validUntil: '2029-06-01T00:00:00.000Z',
};

describe('amendInput', () => {
  it('sends only what changed, with the reason', () => {
    const draft = amendDraftOf(current);
    draft.persons.push({
      name: ' Chen Li ',
      email: 'chen@uni.example',
      role: 'data_scientist',
      orcid: '',
      affiliation: '',
    });
    draft.reason = ' Add a data scientist ';
    expect(amendInput(draft, current)).toEqual({
      input: {
        reason: 'Add a data scientist',
        persons: [
          { name: 'Ana Pérez', email: 'ana@uni.example', role: 'principal_investigator' },
          { name: 'Ben Ode', email: 'ben@uni.example', role: 'researcher', orcid: '0000-0002-1825-0097' },
          { name: 'Chen Li', email: 'chen@uni.example', role: 'data_scientist' },
        ],
      },
    });
    const shorter = {
      ...amendDraftOf(current),
      validUntil: '2028-12-31',
      conditionsText: 'A\n\n  B  \n',
      reason: 'r',
    };
    expect(amendInput(shorter, current)).toEqual({
      input: { reason: 'r', conditions: ['A', 'B'], validUntil: '2028-12-31' },
    });
  });

  it('refuses no reason, no change, a missing or second PI, and a later end', () => {
    expect(amendInput(amendDraftOf(current), current)).toEqual({
      errors: { reason: 'Give the reason.', form: 'Change the persons, the conditions or the end date.' },
    });
    const twoPis = amendDraftOf(current);
    twoPis.persons[1]!.role = 'principal_investigator';
    twoPis.reason = 'x';
    expect(amendInput(twoPis, current)).toEqual({
      errors: { persons: 'Name exactly one principal investigator.' },
    });
    const blank = amendDraftOf(current);
    blank.persons[0]!.email = ' ';
    blank.reason = 'x';
    expect('errors' in amendInput(blank, current) && amendInput(blank, current)).toMatchObject({
      errors: { persons: 'Give the name and the e-mail of every person.' },
    });
    const later = { ...amendDraftOf(current), validUntil: '2029-06-01', reason: 'x' };
    expect(amendInput(later, current)).toEqual({
      errors: { validUntil: 'The new end must be earlier than 2029-06-01; a later end is a renewal.' },
    });
  });
});

describe('renewInput', () => {
  it('takes a later end within 10 more years and a reason', () => {
    expect(maxRenewalEnd('2029-06-01T00:00:00.000Z')).toBe('2039-06-01');
    expect(renewInput({ validUntil: '2039-06-01', reason: ' More follow-up ' }, current.validUntil)).toEqual({
      input: { validUntil: '2039-06-01', reason: 'More follow-up' },
    });
  });
  it('refuses no date, an end not later, more than 10 years, and no reason', () => {
    expect(renewInput({ validUntil: '', reason: '' }, current.validUntil)).toEqual({
      errors: { validUntil: 'Give the new end date.', reason: 'Give the reason.' },
    });
    for (const validUntil of ['2029-06-01', '2039-06-02'])
      expect(renewInput({ validUntil, reason: 'r' }, current.validUntil)).toEqual({
        errors: { validUntil: 'After 2029-06-01 and at most 10 years later.' },
      });
  });
});

describe('resultInput', () => {
  const draft = { kind: 'publication' as const, title: ' Paper ', doi: '', url: '', isAiProduct: false };
  it('needs a title and a DOI or a web address, each well-formed', () => {
    expect(resultInput(draft)).toEqual({
      errors: { doi: 'Give a DOI or a web address where the result is public.' },
    });
    expect(resultInput({ ...draft, title: '', doi: '11.1/x', url: 'ftp://x' })).toEqual({
      errors: {
        title: 'Give the title of the result.',
        doi: 'A DOI looks like 10.1234/abcd (without https://doi.org/).',
        url: 'Give a web address starting with http:// or https://.',
      },
    });
  });
  it('accepts a pasted DOI link as the bare DOI', () => {
    expect(bareDoi('https://doi.org/10.1234/abc.5')).toBe('10.1234/abc.5');
    expect(bareDoi('doi: 10.1234/x')).toBe('10.1234/x');
    expect(resultInput({ ...draft, doi: 'https://doi.org/10.1234/abc', isAiProduct: true })).toEqual({
      input: { kind: 'publication', title: 'Paper', doi: '10.1234/abc', isAiProduct: true },
    });
    expect(resultInput({ ...draft, url: ' https://example.org/model ' })).toEqual({
      input: { kind: 'publication', title: 'Paper', url: 'https://example.org/model', isAiProduct: false },
    });
  });
  it('splits lines', () => {
    expect(linesOf(' a \n\n b\r\n')).toEqual(['a', 'b']);
  });
});
